// The `slo-workbench` command (bin/slo-workbench.js loads this file through tsx).
import { runCli } from './run-cli';

// A reader that stops early (`| head -1`) closes the pipe: stop writing and exit quietly, as other CLIs do, instead
// of dying on an unhandled EPIPE with a stack trace. Any other write failure is still reported.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
});
