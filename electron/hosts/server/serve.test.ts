import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser';
import { defaultSettingsDir, findPackageRoot, runServe, type ServeHandle } from './serve';
import { rawRequest } from '../test/server-harness';

let base: string;
let folder: string;
let distDir: string;
let lines: string[];
let handle: ServeHandle | null;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'swb-serve-')));
  folder = join(base, 'folder');
  distDir = join(base, 'dist');
  mkdirSync(folder);
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>SLO Workbench</title>');
  lines = [];
  handle = null;
});

afterEach(async () => {
  await handle?.close();
  rmSync(base, { recursive: true, force: true });
});

const serve = async (extra: { workspace?: string; folder?: string } = {}): Promise<ServeHandle> => {
  handle = await runServe({ open: false, folder, settingsDir: join(base, 'settings'), distDir, log: (line) => lines.push(line), ...extra });
  return handle;
};

function parts(url: string): { port: number; token: string } {
  const u = new URL(url);
  return { port: Number(u.port), token: u.searchParams.get('token') ?? '' };
}

async function call(url: string, channel: string, args: unknown = {}): Promise<unknown> {
  const { port, token } = parts(url);
  const res = await rawRequest(port, {
    method: 'POST',
    path: '/api/invoke',
    body: JSON.stringify({ channel, args }),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}`, 'X-SLO-Workbench': '1' },
  });
  return JSON.parse(res.body);
}

describe('runServe', () => {
  it('prints the token once, in the single launch line, and never again while serving', async () => {
    const { url } = await serve();
    const { port, token } = parts(url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    // Traffic of every kind, good and bad, must not make the token appear in the log.
    await rawRequest(port, { path: `/?token=${token}` });
    await rawRequest(port, { path: '/?token=wrong' });
    await rawRequest(port, { host: 'evil.test', path: `/?token=${token}` });
    await call(url, 'workspace/create', { path: 'w' });
    await call(url, 'workspace/create', { path: '../escape' });
    await handle?.close();
    const withToken = lines.filter((l) => l.includes(token));
    expect(withToken).toEqual([`SLO Workbench is running at ${url} (Ctrl+C to stop)`]);
    expect(lines.filter((l) => l.includes('http://'))).toHaveLength(1);
  });

  it('confines client paths to the folder and serves the browser host', async () => {
    const { url } = await serve();
    expect(await call(url, 'app/info')).toMatchObject({
      ok: true,
      value: { host: 'browser', fileAccess: 'folder', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
    });
    expect(await call(url, 'workspace/create', { path: '../escape' })).toMatchObject({ ok: false, error: { code: 'UNSAFE_PATH' } });
    expect(await call(url, 'workspace/create', { path: join(base, 'abs') })).toMatchObject({ ok: false, error: { code: 'UNSAFE_PATH' } });
    expect(existsSync(join(base, 'escape.slowb'))).toBe(false);
    // The page sees where a workspace is relative to the folder, never its real path.
    expect(await call(url, 'workspace/create', { path: 'inside' })).toMatchObject({ ok: true, value: { workspace: { location: 'inside.slowb' } } });
  });

  it('creates the --workspace file when missing, defaults the folder to its directory, and keeps its data after a restart', async () => {
    const dir = join(base, 'elsewhere');
    mkdirSync(dir);
    const file = join(dir, 'team.slowb');
    let { url } = await serve({ workspace: file, folder: undefined });
    expect(await call(url, 'workspace/state')).toMatchObject({ ok: true, value: { workspace: { location: 'team.slowb' } } });
    expect(await call(url, 'service/create', { name: 'checkout' })).toMatchObject({ ok: true });
    expect(await call(url, 'workspace/list-folder')).toMatchObject({ ok: true, value: { folder: basename(dir), entries: [{ name: 'team.slowb' }] } });
    await handle?.close();
    // Closing checkpoints the WAL into the file, so the file alone carries the data.
    expect(existsSync(`${file}-wal`) ? 'wal left' : 'clean').toBe('clean');
    ({ url } = await serve({ workspace: file, folder: undefined }));
    expect(await call(url, 'catalog/list')).toMatchObject({ ok: true, value: [{ name: 'checkout' }] });
  });

  it('refuses a folder that does not exist and a --workspace that is not a workspace', async () => {
    await expect(serve({ folder: join(base, 'missing') })).rejects.toThrow(/does not exist/);
    const notWorkspace = join(folder, 'notes.slowb');
    writeFileSync(notWorkspace, 'just text, not SQLite');
    await expect(serve({ workspace: notWorkspace })).rejects.toThrow('notes.slowb is not an SLO Workbench workspace (it is not a SQLite database)');
    handle = null;
  });

  it('stops answering and removes its signal handlers when closed', async () => {
    const before = process.listenerCount('SIGINT');
    const { url } = await serve();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    await handle?.close();
    expect(process.listenerCount('SIGINT')).toBe(before);
    await expect(rawRequest(parts(url).port)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('serve defaults', () => {
  it('takes settings from SLO_WORKBENCH_HOME, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(defaultSettingsDir({ SLO_WORKBENCH_HOME: '/tmp/a', XDG_CONFIG_HOME: '/tmp/b' })).toBe('/tmp/a');
    expect(defaultSettingsDir({ XDG_CONFIG_HOME: '/tmp/b' })).toBe('/tmp/b/slo-workbench');
    expect(defaultSettingsDir({})).toMatch(/\.config\/slo-workbench$/);
  });

  it('finds the project root from its own location', () => {
    const root = findPackageRoot();
    expect(root && existsSync(join(root, 'package.json'))).toBe(true);
    expect(root && existsSync(join(root, 'electron', 'hosts', 'server', 'serve.ts'))).toBe(true);
  });

  it('opens Chromium in app mode, the default browser on macOS and Windows, and nothing when no browser exists', () => {
    const url = 'http://127.0.0.1:1/?token=t';
    expect(browserCommand(url, 'linux', (n) => (n === 'chromium' ? '/opt/bin/chromium' : null), false)).toEqual({
      command: '/opt/bin/chromium',
      args: [`--app=${url}`],
    });
    expect(browserCommand(url, 'linux', (n) => (n === '/usr/bin/chromium' ? n : null), true)).toEqual({
      command: '/usr/bin/chromium',
      args: [`--app=${url}`, '--no-sandbox'],
    });
    expect(browserCommand(url, 'linux', () => null, false)).toBeNull();
    expect(browserCommand(url, 'darwin', () => null, false)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', () => null, false)?.args.at(-1)).toBe(url);
  });
});
