import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A browser-mode server started the way a user starts it: `slo-workbench serve --no-open`. */
export type RunningServer = { url: string; origin: string; folder: string; home: string; stop(): Promise<void> };

/** Makes a fresh folder for workspaces and one for settings. */
export function freshDirs(): { folder: string; home: string } {
  const base = mkdtempSync(join(tmpdir(), 'swb-e2e-'));
  const folder = join(base, 'workspaces');
  const home = join(base, 'home');
  mkdirSync(folder);
  mkdirSync(home);
  return { folder, home };
}

/** Starts `bin/slo-workbench.js serve` on a free port and waits for its launch line. */
export async function startServer(dirs: { folder: string; home: string }, extra: string[] = []): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/slo-workbench.js'), 'serve', '--no-open', '--port', '0', '--folder', dirs.folder, ...extra],
    {
      cwd: ROOT,
      env: { ...process.env, SLO_WORKBENCH_HOME: dirs.home },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    ...dirs,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Where screenshots are kept as CI artifacts. */
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/** Creates a workspace through the browser-mode New dialog, as a user does, and waits until it is open. */
export async function createWorkspace(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New workspace…' }).click();
  await page.getByTestId('file-name').fill(name);
  await page.getByTestId('file-dialog').getByRole('button', { name: 'Create' }).click();
  await page.getByTestId('workspace-title').getByText(`${name}.slowb`, { exact: true }).waitFor();
}
