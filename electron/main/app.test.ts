import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../core/registry';
import { IPC_INVOKE } from '../preload/ipc-names';
import { app, BrowserWindow, callLog, createdWindows, dialog, fakeEvent, ipcMain, Menu, protocol, resetElectronDouble } from '../test/electron-double';
import { startApp, type RunningApp } from './app';
import { appFiles } from './launch';
import { buildWindowOptions } from './window-factory';

let dir: string;
let running: RunningApp | null = null;

beforeEach(() => {
  resetElectronDouble();
  dir = mkdtempSync(join(tmpdir(), 'swb-app-'));
  app.appPath = join(dir, 'app');
  app.setPath('userData', join(dir, 'user-data'));
});

afterEach(() => {
  running?.core.dispose();
  running = null;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function start(argv: string[] = ['slo-workbench'], platform: NodeJS.Platform = 'linux'): Promise<RunningApp> {
  const started = startApp({ argv, cwd: dir, platform });
  await Promise.resolve();
  app.fireReady();
  const result = await started;
  if (!result) throw new Error('the app did not start');
  running = result;
  return result;
}

describe('starting the desktop app', () => {
  it('enables the sandbox and registers the app: scheme before ready', async () => {
    await start();
    expect(callLog.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(callLog.indexOf('app.enableSandbox')).toBeLessThan(callLog.indexOf('app.ready'));
    expect(callLog.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(callLog.indexOf('app.ready'));
  });

  it('gives every window it opens exactly the factory options', async () => {
    await start();
    app.emit('activate');
    createdWindows[0]?.close();
    app.emit('activate');
    const expected = buildWindowOptions(appFiles(app.getAppPath()).preload);
    expect(createdWindows).toHaveLength(2);
    for (const window of createdWindows) expect(window.options).toEqual(expected);
  });

  it('serves the UI, answers IPC from the app and sets the menu', async () => {
    const { window } = await start();
    expect((window as unknown as BrowserWindow).loadedUrls).toEqual(['app://bundle/index.html']);
    expect(protocol.isProtocolHandled('app')).toBe(true);
    const event = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: window.webContents };
    expect(await ipcMain.invoke(IPC_INVOKE, event, 'app/info', {})).toEqual({
      ok: true,
      value: { host: 'electron', version: '0.0.0-test', fileAccess: 'dialog' },
    });
    expect(Menu.applicationMenu).not.toBeNull();
  });

  it('opens a workspace passed on the command line', async () => {
    const seed = createCore({ host: 'cli', version: 't', settingsDir: join(dir, 's'), resolvePath: (p) => p });
    await seed.call('workspace/create', { path: join(dir, 'team.slowb') });
    seed.dispose();
    const { core } = await start(['slo-workbench', 'team.slowb']);
    expect(core.session.state().workspace?.location).toBe(join(dir, 'team.slowb'));
  });

  it('opens a workspace handed over by a second instance and focuses the window', async () => {
    const { core, window } = await start();
    await core.call('workspace/create', { path: join(dir, 'b.slowb') });
    await core.call('workspace/close', {});
    app.emit('second-instance', fakeEvent(), ['slo-workbench', 'b.slowb'], dir);
    await new Promise((r) => setTimeout(r, 20));
    expect(core.session.state().workspace?.location).toBe(join(dir, 'b.slowb'));
    expect((window as unknown as BrowserWindow).focused).toBe(true);
  });

  it('opens a file the OS hands over before ready (macOS open-file)', async () => {
    const seed = createCore({ host: 'cli', version: 't', settingsDir: join(dir, 's'), resolvePath: (p) => p });
    await seed.call('workspace/create', { path: join(dir, 'mac.slowb') });
    seed.dispose();
    const started = startApp({ argv: ['SLO Workbench'], cwd: dir, platform: 'darwin' });
    const event = fakeEvent();
    app.emit('open-file', event, join(dir, 'mac.slowb'));
    app.fireReady();
    running = await started;
    expect(event.defaultPrevented).toBe(true);
    expect(running?.core.session.state().workspace?.name).toBe('mac.slowb');
  });

  it('reports a workspace that cannot be opened instead of failing to start', async () => {
    const box = vi.spyOn(dialog, 'showMessageBox');
    await start(['slo-workbench', 'missing.slowb']);
    expect(box).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ type: 'error' }));
  });

  it('quits when the last window closes, except on macOS', async () => {
    await start();
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(1);
    resetElectronDouble();
    running?.core.dispose();
    await start(['SLO Workbench'], 'darwin');
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    app.singleInstanceLock = false;
    expect(await startApp({ argv: [], cwd: dir, platform: 'linux' })).toBeNull();
    expect(app.quitCount).toBe(1);
    expect(createdWindows).toEqual([]);
  });
});
