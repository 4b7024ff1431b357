// The `slo-workbench` command (bin/slo-workbench.js loads this file through tsx).
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
});
