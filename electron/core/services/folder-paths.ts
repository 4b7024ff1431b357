import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FolderListing } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { WORKSPACE_EXTENSION } from '../storage/db';

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Resolves a name a browser-mode client sent into a path inside the server's folder (R33: clients never
 * send real paths). Refuses absolute paths, "..", backslashes, NUL and anything a symlink takes outside.
 */
export function resolveInFolder(folder: string, name: string, options: { addExtension: boolean }): string {
  const trimmed = name.trim();
  const bad =
    trimmed === '' ||
    trimmed.includes('\0') ||
    trimmed.includes('\\') ||
    isAbsolute(trimmed) ||
    trimmed.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (bad) throw new AppFailure('UNSAFE_PATH', `"${trimmed.slice(0, 120)}" is not a name inside the workspace folder`, { field: 'path' });
  const withExt = options.addExtension && !trimmed.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? trimmed + WORKSPACE_EXTENSION : trimmed;
  const root = realpathSync(folder);
  const target = resolve(root, withExt);
  // The deepest existing ancestor decides where the path really lands when symlinks are involved.
  let probe = target;
  while (!existsSync(probe)) probe = resolve(probe, '..');
  if (!inside(root, realpathSync(probe)) || !inside(root, target)) {
    throw new AppFailure('UNSAFE_PATH', `"${trimmed.slice(0, 120)}" leads outside the workspace folder`, { field: 'path' });
  }
  return target;
}

/**
 * Where a real path lies inside the folder, as the browser may see it ("team/x.slowb", with "/"), or null when it
 * is outside. Symlinks are resolved first (of the deepest part that exists), so a link inside that points out is outside.
 */
export function relativeInFolder(folder: string, path: string): string | null {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    return null;
  }
  const target = resolve(path);
  let probe = target;
  while (!existsSync(probe)) {
    const parent = resolve(probe, '..');
    if (parent === probe) return null;
    probe = parent;
  }
  const real = join(realpathSync(probe), relative(probe, target));
  if (!inside(root, real) || real === root) return null;
  return relative(root, real).split(sep).join('/');
}

/** File endings of history files the import wizard offers. */
export const DATA_EXTENSIONS = ['.csv', '.tsv', '.json', '.jsonl', '.log', '.txt'] as const;

/** The same gzip-compressed (the import decompresses gzip). */
const GZIP_DATA_EXTENSIONS = DATA_EXTENSIONS.map((ext) => `${ext}.gz`);

/** Lists the workspaces, history files and subfolders of a folder inside the server's folder. */
export function listFolder(folder: string, subfolder: string): FolderListing {
  const dir = subfolder === '' ? realpathSync(folder) : resolveInFolder(folder, subfolder, { addExtension: false });
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppFailure('FILE_NOT_FOUND', `There is no folder "${subfolder}" in the workspace folder`, { field: 'subfolder' });
  }
  const entries: FolderListing['entries'] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) entries.push({ name: entry.name, kind: 'folder', modifiedMs: statSync(full).mtimeMs });
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(WORKSPACE_EXTENSION)) {
      entries.push({ name: entry.name, kind: 'workspace', modifiedMs: statSync(full).mtimeMs });
    } else if (entry.isFile() && [...DATA_EXTENSIONS, ...GZIP_DATA_EXTENSIONS].some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      entries.push({ name: entry.name, kind: 'data', modifiedMs: statSync(full).mtimeMs });
    }
  }
  const order = { folder: 0, workspace: 1, data: 2 } as const;
  entries.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
  return { folder: basename(realpathSync(folder)), subfolder: subfolder.split(sep).join('/'), entries };
}
