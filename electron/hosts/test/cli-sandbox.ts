// Helpers for the CLI tests: a temp folder per test and in-process runs of runCli with captured output.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli';

/** The real executable, bin/slo-workbench.js. */
export const CLI_BIN = fileURLToPath(new URL('../../../bin/slo-workbench.js', import.meta.url));

/** Runs the real executable in the sandbox as a child process, the way a shell or CI job would. */
export function runBin(box: Sandbox, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI_BIN, ...argv], { cwd: box.dir, env: box.env, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** What one in-process run printed and returned. */
export type CliRun = { code: number; stdout: string; stderr: string; stdoutLines: string[]; stderrLines: string[] };

/** A temp folder with its own settings home, and runCli bound to it. */
export type Sandbox = {
  dir: string;
  env: Record<string, string>;
  path(name: string): string;
  sha256(name: string): string;
  run(...argv: string[]): Promise<CliRun>;
  /** Runs a command that must succeed with --json and returns its parsed document. */
  json<T = Record<string, unknown>>(...argv: string[]): Promise<T>;
  cleanup(): void;
};

/** Makes a sandbox in a fresh temp folder; call cleanup() afterwards. */
export function makeSandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'swb-cli-'));
  const env = { SLO_WORKBENCH_HOME: join(dir, 'home'), PATH: process.env.PATH ?? '' };
  async function run(...argv: string[]): Promise<CliRun> {
    const stdoutLines: string[] = [];
    const stderrLines: string[] = [];
    const code = await runCli(argv, { stdout: (l) => stdoutLines.push(l), stderr: (l) => stderrLines.push(l), env, cwd: dir });
    return { code, stdout: stdoutLines.join('\n'), stderr: stderrLines.join('\n'), stdoutLines, stderrLines };
  }
  return {
    dir,
    env,
    path: (name) => join(dir, name),
    sha256: (name) =>
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    run,
    async json<T>(...argv: string[]): Promise<T> {
      const r = await run(...argv, '--json');
      if (r.code !== 0) throw new Error(`slo-workbench ${argv.join(' ')} failed (${r.code}): ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A sandbox holding workspace w.slowb with a service "web" and its SLI "availability", made through the CLI. */
export async function makeSliSandbox(): Promise<Sandbox> {
  const box = makeSandbox();
  await box.json('workspace', 'create', 'w.slowb');
  await box.json('service', 'add', '--workspace', 'w.slowb', 'web');
  await box.json('sli', 'add', '--workspace', 'w.slowb', '--service', 'web', 'availability');
  return box;
}
