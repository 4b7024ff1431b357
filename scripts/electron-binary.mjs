// Finds the Electron binary without require('electron'), which in plain Node tries to download it (R38).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The absolute path of the installed Electron executable under `root`, or null when it is not installed:
 * node_modules/electron/path.txt names the executable relative to node_modules/electron/dist/.
 */
export function electronBinaryPath(root) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const named = readFileSync(pathFile, 'utf8').trim();
  if (named === '' || isAbsolute(named)) return null;
  const dist = join(packageDir, 'dist');
  const binary = resolve(dist, named);
  const inside = relative(dist, binary);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  try {
    return statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

/** The installed Electron version, read from its package.json, or null. */
export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}
