import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/ipc/errors';
import { createCore, type Core } from '../core/registry';
import { IPC_INVOKE } from '../preload/ipc-names';
import { app, BrowserWindow, dialog, fakeFrame, ipcMain, resetElectronDouble } from '../test/electron-double';
import { forgetRefusedExportFolder } from './export-dialog';
import { installIpcRouter } from './ipc-router';

let dir: string;
let core: Core;
let window: BrowserWindow;

const fromApp = () => ({ senderFrame: fakeFrame('app://bundle/index.html'), sender: window.webContents });
const exportVia = (args: object) => ipcMain.invoke(IPC_INVOKE, fromApp(), 'export/write-dialog', { format: 'openslo', ...args }) as Promise<Result<unknown>>;

async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeEach(async () => {
  resetElectronDouble();
  forgetRefusedExportFolder();
  app.fireReady();
  dir = mkdtempSync(join(tmpdir(), 'swb-export-dialog-'));
  core = createCore({ host: 'electron', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(p) });
  window = new BrowserWindow({});
  installIpcRouter(core);
  await value(core.call('workspace/create', { path: join(dir, 'w.slowb') }));
  const service = await value(core.call('service/create', { name: 'chatbot' }));
  const sli = await value(core.call('sli/create', { serviceId: service.id, name: 'latency', kind: 'latency', latencyThresholdMs: 200 }));
  await value(core.call('objective/set', { sliId: sli.id, tier: 'slo', targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'occurrences' }));
});

afterEach(() => {
  core.dispose();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the export folder dialog', () => {
  it('answers CANCELLED when no folder is chosen, and writes nothing', async () => {
    const open = vi.spyOn(dialog, 'showOpenDialog').mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await exportVia({})).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(open).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.yaml') || String(f).endsWith('.md'))).toEqual([]);
  });

  it('writes the files and the loss report into the folder chosen', async () => {
    const out = join(dir, 'specs');
    mkdirSync(out);
    vi.spyOn(dialog, 'showOpenDialog').mockResolvedValue({ canceled: false, filePaths: [out] });
    const result = await exportVia({});
    expect(result).toMatchObject({
      ok: true,
      value: { folder: out, written: ['chatbot.yaml', 'LOSSES-openslo.md'], services: [{ service: 'chatbot', version: null, state: 'draft' }] },
    });
    expect(readFileSync(join(out, 'chatbot.yaml'), 'utf8')).toContain('kind: SLO');
  });

  it('refuses a folder holding a file it did not write, naming it, and replaces it in that folder only when forced', async () => {
    const out = join(dir, 'specs');
    mkdirSync(out);
    writeFileSync(join(out, 'chatbot.yaml'), 'hand-written\n');
    const open = vi.spyOn(dialog, 'showOpenDialog').mockResolvedValue({ canceled: false, filePaths: [out] });
    const refused = await exportVia({});
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FILE_EXISTS',
        message:
          'The folder specs already holds a file this export did not write, or that changed since: chatbot.yaml. Nothing was written. Choose another folder, or replace these files.',
        details: { path: out, files: ['chatbot.yaml'] },
      },
    });
    expect(readFileSync(join(out, 'chatbot.yaml'), 'utf8')).toBe('hand-written\n');
    expect(existsSync(join(out, 'LOSSES-openslo.md'))).toBe(false);

    const forced = await exportVia({ force: true });
    expect(forced).toMatchObject({ ok: true, value: { folder: out, written: ['chatbot.yaml', 'LOSSES-openslo.md'] } });
    expect(open).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(out, 'chatbot.yaml'), 'utf8')).toContain('kind: SLO');
  });

  it('asks for a folder again when forced with no folder refused before', async () => {
    const open = vi.spyOn(dialog, 'showOpenDialog').mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await exportVia({ force: true })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('refuses arguments the contract does not take before showing any dialog', async () => {
    const open = vi.spyOn(dialog, 'showOpenDialog');
    expect(await exportVia({ path: '/etc' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(open).not.toHaveBeenCalled();
  });
});
