import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// Launch smoke test of the real desktop app (R38's release-only checks). It needs the Electron binary, which
// cannot be downloaded on the CI machines here; there it is skipped and the browser-mode specs cover the journeys.

const ROOT = resolve(import.meta.dirname, '..', '..');
const SKIP_REASON = 'Electron binary not installed (cannot be downloaded here); browser-mode specs cover the journeys';

/** The Electron executable named by node_modules/electron/path.txt, if it is really there (never require('electron')). */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) && statSync(binary).isFile() ? binary : null;
}

type Bridge = {
  invoke(channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  on(e: string, l: (p: unknown) => void): () => void;
};

const binary = electronBinary();
test.skip(binary === null, SKIP_REASON);

let app: ElectronApplication;
let page: Page;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // The current sources, bundled, plus better-sqlite3 for Electron's ABI (what `npm start` does).
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { ensureElectronNative } from './scripts/electron-native.mjs'; await ensureElectronNative(${JSON.stringify(ROOT)}, ${JSON.stringify(version)});`,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  dir = mkdtempSync(join(tmpdir(), 'swb-electron-e2e-'));
  app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT, `--user-data-dir=${join(dir, 'user-data')}`], cwd: ROOT });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('opens one sandboxed window on app://bundle with only { invoke, on } exposed', async () => {
  expect(page.url()).toBe('app://bundle/index.html');
  expect(await page.evaluate(() => Object.keys((window as unknown as { api: Bridge }).api).sort())).toEqual(['invoke', 'on']);
  expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  // The preferences themselves are pinned by the window-factory unit test; here the page proves it has no Node.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('answers commands over IPC and refuses path commands in the preload', async () => {
  const info = await page.evaluate(() => (window as unknown as { api: Bridge }).api.invoke('app/info', {}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron', fileAccess: 'dialog' } });
  const refused = await page.evaluate(() => (window as unknown as { api: Bridge }).api.invoke('workspace/create', { path: '/tmp/x.slowb' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});

test('keeps the window on the bundle when the page tries to leave or open windows', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://bundle/index.html');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('creates a workspace through the native save dialog with the Electron-ABI SQLite build', async () => {
  const file = join(dir, 'smoke.slowb');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, file);
  const created = await page.evaluate(() => (window as unknown as { api: Bridge }).api.invoke('workspace/create-dialog', {}));
  expect(created).toMatchObject({ ok: true, value: { workspace: { location: file } } });
  expect(existsSync(file)).toBe(true);
});
