import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core/registry';
import { IPC_INVOKE } from '../preload/ipc-names';
import { app, BrowserWindow, dialog, fakeFrame, ipcMain, resetElectronDouble } from '../test/electron-double';
import { runDialogCommand, withWorkspaceExtension, WORKSPACE_FILTERS } from './dialogs';
import { installIpcRouter } from './ipc-router';

let dir: string;
let core: Core;
let window: BrowserWindow;

const fromApp = () => ({ senderFrame: fakeFrame('app://bundle/index.html'), sender: window.webContents });

beforeEach(() => {
  resetElectronDouble();
  app.fireReady();
  dir = mkdtempSync(join(tmpdir(), 'swb-dialog-'));
  core = createCore({ host: 'electron', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(p) });
  window = new BrowserWindow({});
  installIpcRouter(core);
});

afterEach(() => {
  core.dispose();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the native dialog flows', () => {
  it('answers CANCELLED when the save dialog is cancelled, and creates nothing', async () => {
    const save = vi.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: true });
    const result = await ipcMain.invoke(IPC_INVOKE, fromApp(), 'workspace/create-dialog', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(save).toHaveBeenCalledWith(window, expect.objectContaining({ filters: WORKSPACE_FILTERS }));
    expect(core.session.state().workspace).toBeNull();
  });

  it('creates the workspace at the path chosen in the dialog', async () => {
    const path = join(dir, 'checkout.slowb');
    vi.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: false, filePath: path });
    const result = await ipcMain.invoke(IPC_INVOKE, fromApp(), 'workspace/create-dialog', {});
    expect(result).toMatchObject({ ok: true, value: { workspace: { name: 'checkout.slowb', location: path, readOnly: false } } });
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('adds the .slowb extension when the name typed lacks it', async () => {
    vi.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: false, filePath: join(dir, 'payments') });
    await runDialogCommand('workspace/create-dialog', core, null);
    expect(existsSync(join(dir, 'payments.slowb'))).toBe(true);
    expect(withWorkspaceExtension('/a/b.SLOWB')).toBe('/a/b.SLOWB');
  });

  it('reports FILE_EXISTS for an existing file chosen to create, and leaves that file untouched', async () => {
    const path = join(dir, 'precious.slowb');
    writeFileSync(path, 'not mine to delete');
    const before = statSync(path).mtimeMs;
    vi.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: false, filePath: path });
    const result = await ipcMain.invoke(IPC_INVOKE, fromApp(), 'workspace/create-dialog', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS', details: { path } } });
    expect(readFileSync(path, 'utf8')).toBe('not mine to delete');
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('opens the workspace chosen in the open dialog, and answers CANCELLED when none is chosen', async () => {
    const path = join(dir, 'team.slowb');
    expect((await core.call('workspace/create', { path })).ok).toBe(true);
    await core.call('workspace/close', {});
    const open = vi.spyOn(dialog, 'showOpenDialog').mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await runDialogCommand('workspace/open-dialog', core, window as never)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    open.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await runDialogCommand('workspace/open-dialog', core, window as never)).toMatchObject({ ok: true, value: { workspace: { location: path } } });
  });

  it('saves a copy under the chosen name and continues in the copy', async () => {
    const original = join(dir, 'a.slowb');
    await core.call('workspace/create', { path: original });
    await core.call('service/create', { name: 'checkout' });
    const copy = join(dir, 'b.slowb');
    const save = vi.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: false, filePath: copy });
    const result = await runDialogCommand('workspace/save-as-dialog', core, null);
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join(dir, 'a copy.slowb') }));
    expect(result).toMatchObject({ ok: true, value: { workspace: { location: copy } } });
    expect(await core.call('catalog/list', {})).toMatchObject({ ok: true, value: [{ name: 'checkout' }] });
  });

  it('refuses Save As without an open workspace before showing any dialog', async () => {
    const save = vi.spyOn(dialog, 'showSaveDialog');
    expect(await runDialogCommand('workspace/save-as-dialog', core, null)).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(save).not.toHaveBeenCalled();
  });
});
