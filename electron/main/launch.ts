import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { WORKSPACE_EXTENSION } from '../core/storage/db';

/** Where `npm start` puts better-sqlite3 rebuilt for Electron's ABI, relative to the app root. */
export const ELECTRON_NATIVE_BINDING = join('build', 'native', 'electron', 'better_sqlite3.node');

/**
 * The Electron-ABI better-sqlite3 build to load, when one exists under the app root (development). The
 * packaged app has none there because electron-builder rebuilds better-sqlite3 itself; then undefined.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const candidate = join(appRoot, ELECTRON_NATIVE_BINDING);
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * The workspace a launch asks to open (file association, second instance), resolved against the launch's
 * working folder: the last argument naming a .slowb file. Flags and the executable itself are skipped.
 */
export function workspaceFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(WORKSPACE_EXTENSION)) return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** Files of the app bundle the main process needs, from the app root (`app.getAppPath()`). */
export function appFiles(appRoot: string): { preload: string; renderer: string } {
  return {
    preload: join(appRoot, 'dist', 'electron', 'preload', 'index.cjs'),
    renderer: join(appRoot, 'dist', 'renderer'),
  };
}
