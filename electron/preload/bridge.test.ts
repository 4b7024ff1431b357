import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelsFor } from '#shared/ipc/contract';
import { EVENT_NAMES } from '#shared/ipc/events';
import { contextBridge, fakeEvent, ipcRenderer, resetElectronDouble } from '../test/electron-double';
import { PRELOAD_CHANNELS } from './allowed-channels';
import type { PreloadApi } from '#shared/ipc/preload-api';
import { IPC_EVENT, IPC_INVOKE } from './ipc-names';

/** Contract channels Electron's page may not send (they take raw file paths). */
const NOT_OFFERED = CHANNELS.filter((c) => !(PRELOAD_CHANNELS as readonly string[]).includes(c));

type LooseApi = { invoke(channel: unknown, args?: unknown): Promise<unknown>; on(event: unknown, listener: unknown): () => void };

let exposedKeys: string[] = [];
let exposed: PreloadApi;

// The preload entry runs once, as in a real renderer, against the fake contextBridge and ipcRenderer.
beforeAll(async () => {
  resetElectronDouble();
  await import('./index');
  exposedKeys = [...contextBridge.exposed.keys()];
  exposed = contextBridge.exposed.get('api') as PreloadApi;
});

beforeEach(() => resetElectronDouble());

const api = async () => exposed as unknown as LooseApi;

describe('the preload bridge (R3)', () => {
  it('exposes exactly { invoke, on } under window.api and nothing else', async () => {
    expect(exposedKeys).toEqual(['api']);
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it("allows exactly the channels the contract offers Electron's page: dialogs and picked files, no raw paths", () => {
    expect(PRELOAD_CHANNELS).toEqual(channelsFor('electron'));
    expect(PRELOAD_CHANNELS).toContain('workspace/create-dialog');
    expect(PRELOAD_CHANNELS).toEqual(expect.arrayContaining(['import/pick-dialog', 'import/preview', 'import/file']));
    expect(PRELOAD_CHANNELS).not.toContain('workspace/open');
  });

  it('sends an allowed command on the one invoke channel and returns the result', async () => {
    ipcRenderer.reply = () => ({ ok: true, value: { host: 'electron' } });
    expect(await (await api()).invoke('app/info', {})).toEqual({ ok: true, value: { host: 'electron' } });
    expect(ipcRenderer.invoked).toEqual([[IPC_INVOKE, 'app/info', {}]]);
  });

  it.each([...NOT_OFFERED, 'no/such-channel', '__proto__', 'constructor', 42, null])('refuses %j before sending anything', async (channel) => {
    const result = await (await api()).invoke(channel, { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(ipcRenderer.invoked).toEqual([]);
  });

  it('turns a failed IPC round trip into a result instead of a rejection', async () => {
    ipcRenderer.reply = () => {
      throw new Error('main process gone');
    };
    expect(await (await api()).invoke('catalog/list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes a listener only the payload, never the IPC event', async () => {
    const listener = vi.fn();
    (await api()).on('catalog-changed', listener);
    const event = fakeEvent({ sender: ipcRenderer, senderId: 0 });
    ipcRenderer.emit(IPC_EVENT, event, 'catalog-changed', { reason: 'undo' });
    ipcRenderer.emit(IPC_EVENT, event, 'workspace-changed', { reason: 'opened' });
    expect(listener.mock.calls).toEqual([[{ reason: 'undo' }]]);
  });

  it('returns an unsubscribe function that removes the listener', async () => {
    const listener = vi.fn();
    const off = (await api()).on('workspace-changed', listener);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(1);
    off();
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
    ipcRenderer.emit(IPC_EVENT, fakeEvent(), 'workspace-changed', { reason: 'opened' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('accepts only known event names and function listeners', async () => {
    const bridge = await api();
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
    expect(() => bridge.on('ipc-message', () => undefined)).toThrow(TypeError);
    expect(() => bridge.on('catalog-changed', 'not a function')).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
  });
});
