import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFiles, electronNativeBinding, workspaceFromArgv } from './launch';

describe('workspaceFromArgv', () => {
  it('finds a workspace passed by the file association, resolved against the working folder', () => {
    expect(workspaceFromArgv(['/opt/SLO Workbench/slo-workbench', 'team.slowb'], '/home/ana')).toBe('/home/ana/team.slowb');
  });

  it('keeps an absolute path and takes the last workspace named', () => {
    expect(workspaceFromArgv(['electron', '.', '/a/one.slowb', '/b/Two.SLOWB'], '/x')).toBe('/b/Two.SLOWB');
  });

  it('ignores the executable, flags and other files', () => {
    expect(workspaceFromArgv(['/x/evil.slowb', '--inspect=1', '-psn_0_123', 'notes.txt', '.'], '/x')).toBeNull();
    expect(workspaceFromArgv(['app', '--open=a.slowb'], '/x')).toBeNull();
  });
});

describe('electronNativeBinding', () => {
  it('uses the Electron-ABI better-sqlite3 build only when it exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'swb-native-'));
    try {
      expect(electronNativeBinding(root)).toBeUndefined();
      mkdirSync(join(root, 'build', 'native', 'electron'), { recursive: true });
      writeFileSync(join(root, 'build', 'native', 'electron', 'better_sqlite3.node'), '');
      expect(electronNativeBinding(root)).toBe(join(root, 'build', 'native', 'electron', 'better_sqlite3.node'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('appFiles', () => {
  it('places the preload and the renderer build inside the app root', () => {
    expect(appFiles('/app')).toEqual({ preload: '/app/dist/electron/preload/index.cjs', renderer: '/app/dist/renderer' });
  });
});
