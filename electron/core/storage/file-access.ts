import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** What stops a workspace from being written: the file itself or its folder, in words that name it. */
export type WriteBlocker = { what: 'file' | 'folder'; reason: string };

/**
 * True when this process may write `path` and its permission bits allow writing at all. The bits count even
 * for root, who could write anyway: a file or folder made read-only (`chmod a-w`) is treated as meant to stay so.
 */
export function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  return (statSync(path).mode & 0o222) !== 0;
}

/**
 * Why an existing workspace cannot be written, or null when it can. SQLite in WAL mode keeps `<file>-wal` and
 * `<file>-shm` beside the workspace, so its folder must allow creating files as well as the file allow writing.
 */
export function writeBlocker(path: string): WriteBlocker | null {
  if (!canWrite(path)) return { what: 'file', reason: `the file ${path} is read-only` };
  const folder = dirname(path);
  if (!canWrite(folder)) {
    const name = basename(path);
    return { what: 'folder', reason: `its folder ${folder} does not allow creating files (SQLite keeps ${name}-wal and ${name}-shm beside the workspace)` };
  }
  return null;
}

/** The schema version a SQLite header records (user_version, a signed 32-bit number at offset 60). */
export function headerUserVersion(header: Buffer): number {
  return header.readInt32BE(60);
}

/** True when `<path>-wal` holds frames not yet copied into the file, so the file's own header may be out of date. */
export function hasPendingWal(path: string): boolean {
  return (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/**
 * The workspace's bytes, for a read-only copy in memory: nothing is created beside the file and no lock is
 * taken. The header's WAL marks (bytes 18 and 19) are set to the rollback journal, which an in-memory
 * database needs; the copy is never written back.
 */
export function readOnlyImage(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes[18] === 2) bytes[18] = 1;
  if (bytes[19] === 2) bytes[19] = 1;
  return bytes;
}
