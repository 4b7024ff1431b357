// Browser mode's door: what the contract does not offer the browser page, and real file paths, never reach the core (R33).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeHttp, type Harness, startHarness } from '../test/server-harness';
import { isRealPath } from './browser-channels';

let h: Harness;
let invoke: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  h = await startHarness({ prepare: ({ folder }) => writeFileSync(join(folder, 'export.csv'), 'time,good,total\n2026-01-01T00:01:00Z,99,100\n') });
});
afterAll(() => h.dispose());
beforeEach(() => {
  invoke?.mockRestore();
  invoke = vi.spyOn(h.core, 'invoke');
});

describe('the browser-mode server', () => {
  it('refuses to preview a history file given by its real path, before the core reads anything', async () => {
    const { status, json } = await invokeHttp(h.server, 'import/preview', { path: join(h.folder, 'export.csv') });
    expect(status).toBe(200);
    expect(json).toEqual({
      ok: false,
      error: {
        code: 'UNSAFE_PATH',
        message: `Browser mode takes the name of a file inside its folder, not a path on this computer ("${join(h.folder, 'export.csv')}")`,
        details: { field: 'path' },
      },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it.each(['/etc/passwd', 'C:\\Windows\\win.ini', 'c:/x.slowb', '\\\\server\\share\\x.slowb', '~/x.slowb'])(
    'refuses to open a workspace at the real path %s',
    async (path) => {
      const { json } = await invokeHttp(h.server, 'workspace/open', { path });
      expect(json).toMatchObject({ ok: false, error: { code: 'UNSAFE_PATH', details: { field: 'path' } } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it('previews the same file by its name inside the served folder', async () => {
    const { json } = await invokeHttp(h.server, 'import/preview', { path: 'export.csv' });
    expect(json).toMatchObject({ ok: true, value: { fileName: 'export.csv', format: 'csv' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it("refuses a desktop dialog channel, which the contract offers only Electron's page, naming who can use it", async () => {
    const { json } = await invokeHttp(h.server, 'workspace/open-dialog', {});
    expect(json).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '"workspace/open-dialog" is not offered in browser mode: only the desktop app can use it' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('leaves an unknown channel to validation, which names it', async () => {
    const { json } = await invokeHttp(h.server, 'no/such-channel', {});
    expect(json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown command "no/such-channel"' } });
  });
});

describe('a real path', () => {
  it.each([
    ['/etc/passwd', true],
    ['  /etc/passwd', true],
    ['D:\\data.csv', true],
    ['~root/x', true],
    ['team/x.slowb', false],
    ['x.slowb', false],
    ['../x.slowb', false],
  ])('%j is a real path: %s', (value, expected) => {
    expect(isRealPath(value)).toBe(expected);
  });
});
