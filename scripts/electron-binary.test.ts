import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath, electronVersion } from './electron-binary.mjs';

let root: string;
const pkg = () => join(root, 'node_modules', 'electron');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'swb-electron-bin-'));
  mkdirSync(pkg(), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('electronBinaryPath', () => {
  it('is null when path.txt is missing, as after ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('is null when path.txt names a file that is not in dist/', () => {
    writeFileSync(join(pkg(), 'path.txt'), 'electron');
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('finds the executable path.txt names under dist/', () => {
    writeFileSync(join(pkg(), 'path.txt'), 'Electron.app/Contents/MacOS/Electron\n');
    mkdirSync(join(pkg(), 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(pkg(), 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'), '');
    expect(electronBinaryPath(root)).toBe(join(pkg(), 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'));
  });

  it('refuses a path.txt that points outside dist/ or at a folder', () => {
    writeFileSync(join(root, 'elsewhere'), '');
    writeFileSync(join(pkg(), 'path.txt'), '../../../elsewhere');
    expect(electronBinaryPath(root)).toBeNull();
    mkdirSync(join(pkg(), 'dist', 'folder'), { recursive: true });
    writeFileSync(join(pkg(), 'path.txt'), 'folder');
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('reads the installed Electron version without loading the electron package', () => {
    writeFileSync(join(pkg(), 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
    expect(electronVersion(root)).toBe('45.4.1');
    expect(electronVersion(join(root, 'nowhere'))).toBeNull();
  });
});
