import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, FILE_CHANNELS } from '#shared/ipc/contract';
import { isResult } from '#shared/ipc/errors';
import { createCore, type Core } from '../core/registry';
import { IPC_EVENT, IPC_INVOKE } from '../preload/ipc-names';
import { app, BrowserWindow, fakeFrame, type FakeFrame, ipcMain, resetElectronDouble } from '../test/electron-double';
import { checkSender, installIpcRouter, isRegisteredCommand } from './ipc-router';
import { rememberPickedFile } from './picked-files';

let dir: string;
let core: Core;
let window: BrowserWindow;

function eventFrom(frame: FakeFrame | null) {
  return { senderFrame: frame, sender: window.webContents };
}

const appEvent = () => eventFrom(fakeFrame('app://bundle/index.html'));

beforeEach(() => {
  resetElectronDouble();
  app.fireReady();
  dir = mkdtempSync(join(tmpdir(), 'swb-ipc-'));
  core = createCore({ host: 'electron', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(dir, p) });
  window = new BrowserWindow({});
  installIpcRouter(core);
});

afterEach(() => {
  core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const SENDERS: Array<[string, FakeFrame | null, boolean]> = [
  ['app://bundle/index.html', fakeFrame('app://bundle/index.html'), true],
  ['app://bundle/index.html#/services/3', fakeFrame('app://bundle/index.html#/services/3'), true],
  ['file:///x', fakeFrame('file:///x'), false],
  ['https://evil.test', fakeFrame('https://evil.test/'), false],
  ['app://bundle.evil/', fakeFrame('app://bundle.evil/'), false],
  ['app://bundle@evil/', fakeFrame('app://bundle@evil/'), false],
  ['app://bundle:1/', fakeFrame('app://bundle:1/'), false],
  ['about:blank', fakeFrame('about:blank'), false],
  ['an unparsable URL', fakeFrame('::'), false],
  ['a null senderFrame', null, false],
  ['a subframe of the app', fakeFrame('app://bundle/index.html', fakeFrame('app://bundle/index.html')), false],
];

describe('the IPC router (R4)', () => {
  it.each(SENDERS)('decides on a message from %s', async (_name, frame, accepted) => {
    const invoke = vi.spyOn(core, 'invoke');
    const result = await ipcMain.invoke(IPC_INVOKE, eventFrom(frame), 'app/info', {});
    expect(checkSender(eventFrom(frame) as never).ok).toBe(accepted);
    if (accepted) {
      expect(result).toEqual({ ok: true, value: { host: 'electron', version: 'test', fileAccess: 'dialog' } });
      expect(invoke).toHaveBeenCalledTimes(1);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(invoke).not.toHaveBeenCalled();
    }
  });

  it('registers every IPC handler through registerCommand', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE]);
    for (const handler of ipcMain.handlers.values()) expect(isRegisteredCommand(handler)).toBe(true);
    expect(isRegisteredCommand(() => undefined)).toBe(false);
  });

  it.each(FILE_CHANNELS)('refuses the file channel %s from the renderer given a real path without touching the disk', async (channel) => {
    const invoke = vi.spyOn(core, 'invoke');
    const result = await ipcMain.invoke(IPC_INVOKE, appEvent(), channel, { path: join(dir, 'x.slowb') });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(invoke).not.toHaveBeenCalled();
    expect(core.session.state().workspace).toBeNull();
  });

  it('previews a history file only by the reference the import dialog handed out, never by a path the page made up', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'time,good,total\n2026-01-01T00:01:00Z,99,100\n');
    const ref = rememberPickedFile(file);
    const preview = await ipcMain.invoke(IPC_INVOKE, appEvent(), 'import/preview', { path: ref });
    expect(preview).toMatchObject({ ok: true, value: { fileName: 'export.csv', format: 'csv' } });
    const invoke = vi.spyOn(core, 'invoke');
    for (const path of [file, 'picked:not-handed-out', `${ref}x`]) {
      expect(await ipcMain.invoke(IPC_INVOKE, appEvent(), 'import/preview', { path })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('returns validation errors as data and never calls the core with invalid arguments', async () => {
    const invoke = vi.spyOn(core, 'invoke');
    expect(await ipcMain.invoke(IPC_INVOKE, appEvent(), 'service/create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await ipcMain.invoke(IPC_INVOKE, appEvent(), 'no/such-channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('never throws and never reaches the core on a rejection, whatever the payload', async () => {
    const invoke = vi.spyOn(core, 'invoke');
    const call = vi.spyOn(core, 'call');
    const channel = fc.oneof(fc.constantFrom(...CHANNELS), fc.anything());
    const frame = fc.constantFrom(...SENDERS.map(([, f]) => f));
    await fc.assert(
      fc.asyncProperty(channel, fc.anything(), frame, async (ch, payload, senderFrame) => {
        invoke.mockClear();
        call.mockClear();
        const result = await ipcMain.invoke(IPC_INVOKE, eventFrom(senderFrame), ch, payload);
        if (!isResult(result)) return false;
        const rejected = !result.ok && ['FORBIDDEN', 'INVALID_ARGUMENT', 'UNKNOWN_CHANNEL'].includes(result.error.code);
        return !rejected || (invoke.mock.calls.length === 0 && call.mock.calls.length === 0);
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it('sends every core event to every open window with only its name and payload', async () => {
    const second = new BrowserWindow({});
    second.close();
    const third = new BrowserWindow({});
    await core.call('workspace/create', { path: 'w.slowb' });
    const expected = [IPC_EVENT, 'workspace-changed', { reason: 'created' }];
    expect(window.webContents.sent).toContainEqual(expected);
    expect(third.webContents.sent).toContainEqual(expected);
    expect(second.webContents.sent).toEqual([]);
  });
});
