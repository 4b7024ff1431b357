import Database from 'better-sqlite3';
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppFailure } from '#shared/ipc/errors';
import { canWrite, hasPendingWal, headerUserVersion, readOnlyImage, writeBlocker } from './file-access';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

/** Marks a SQLite file as an SLO Workbench workspace: the bytes "SLOW" in the header's application_id. */
export const APPLICATION_ID = 0x534c4f57;

/** The file extension of workspace documents. */
export const WORKSPACE_EXTENSION = '.slowb';

/** The oldest SQLite this app accepts (WAL, STRICT tables and RETURNING are relied on). */
export const MIN_SQLITE_VERSION = '3.37.0';

/** An open workspace database and how it was opened. */
export type OpenedDb = { db: Database.Database; readOnly: boolean; readOnlyReason: string | null; schemaVersion: number };

let nativeBinding: string | undefined;

/** Points better-sqlite3 at another native build (Electron's ABI differs from Node's); undefined restores the default. */
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

function sqlite(path: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Pragmas every read-write connection must carry, read back after setting (R11). */
const REQUIRED_PRAGMAS: ReadonlyArray<[string, string, string | number]> = [
  ['journal_mode', 'WAL', 'wal'],
  ['synchronous', 'FULL', 2],
  ['foreign_keys', 'ON', 1],
  ['busy_timeout', '5000', 5000],
  ['trusted_schema', 'OFF', 0],
];

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Refuses paths SQLite must not share with other links: symlinks and hard-linked files (R11). */
function checkPathShape(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isSymbolicLink()) throw new AppFailure('UNSAFE_PATH', `${basename(path)} is a symbolic link; open the file it points to instead`, { path });
  if (!stat.isFile()) throw new AppFailure('NOT_A_WORKSPACE', `${basename(path)} is not a file`, { path });
  if (stat.nlink > 1) throw new AppFailure('UNSAFE_PATH', `${basename(path)} has other hard links; copy it to a file of its own first`, { path });
}

/** Reads the 100-byte SQLite header without opening the database, so foreign files are never touched. */
function readHeader(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppFailure('FORBIDDEN', `${basename(path)} cannot be read: its permissions do not let this user read ${path}`, { path });
    }
    throw error;
  }
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Checks that a file is a workspace by its header alone and returns the header; throws NOT_A_WORKSPACE naming what it is instead. */
export function checkWorkspaceHeader(path: string): Buffer {
  const name = basename(path);
  const header = readHeader(path);
  if (header.length === 0) throw new AppFailure('NOT_A_WORKSPACE', `${name} is empty: it is not an SLO Workbench workspace`, { path });
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppFailure('NOT_A_WORKSPACE', `${name} is not an SLO Workbench workspace (it is not a SQLite database)`, { path });
  }
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new AppFailure('NOT_A_WORKSPACE', `${name} is a SQLite database but not an SLO Workbench workspace`, { path });
  }
  return header;
}

function applyPragmas(db: Database.Database): void {
  for (const [name, value, expected] of REQUIRED_PRAGMAS) {
    db.pragma(`${name} = ${value}`);
    const actual = db.pragma(name, { simple: true });
    const same = typeof expected === 'string' ? String(actual).toLowerCase() === expected : Number(actual) === expected;
    if (!same) throw new AppFailure('IO_ERROR', `Could not set ${name} to ${value} (got ${String(actual)})`);
  }
}

function checkSqliteVersion(db: Database.Database): void {
  const version = String(db.prepare('SELECT sqlite_version()').pluck().get());
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    throw new AppFailure('INTERNAL', `SQLite ${version} is older than the required ${MIN_SQLITE_VERSION}`);
  }
}

/**
 * Runs `fn` as one write transaction begun IMMEDIATE: the write lock is taken at BEGIN, where SQLite's busy
 * timeout applies, so a second writer waits for the first. A deferred transaction that reads first and then
 * writes would instead fail at once with SQLITE_BUSY when another process wrote in between.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_READONLY')) {
      throw new AppFailure('READ_ONLY', `${basename(db.name)} cannot be written (${(error as Error).message}); nothing was saved`, { path: db.name });
    }
    throw error;
  }
}

/**
 * Runs SQLite's quick_check and refuses a damaged file in words: what the check found (its first findings, without
 * SQLite's "*** in database main ***" banner) and what to do.
 */
function refuseIfDamaged(db: Database.Database, path: string): void {
  const rows = db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
  if (rows.length === 1 && rows[0] === 'ok') return;
  const findings = rows
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\*\*\*.*\*\*\*$/.test(l));
  throw new AppFailure(
    'CORRUPT_WORKSPACE',
    `${basename(path)} is damaged, so it was not opened: SQLite's check found ${findings.slice(0, 3).join('; ').slice(0, 300)}. Open a backup copy instead (backups before upgrades are kept beside it as .bak files).`,
    { path },
  );
}

/** Runs the pending migrations, each with its version bump in one transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = Number(db.pragma('user_version', { simple: true }));
  for (const step of migrations) {
    if (step.version <= version) continue;
    writeTransaction(db, () => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    });
    version = step.version;
  }
  return version;
}

function wrapSqliteError(error: unknown, path: string): never {
  if (error instanceof AppFailure) throw error;
  const code = (error as { code?: string }).code ?? '';
  const name = basename(path);
  if (code === 'SQLITE_NOTADB') throw new AppFailure('NOT_A_WORKSPACE', `${name} is not an SLO Workbench workspace (it is not a SQLite database)`, { path });
  if (code.startsWith('SQLITE_CORRUPT')) throw new AppFailure('CORRUPT_WORKSPACE', `${name} is damaged: ${(error as Error).message}`, { path });
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR'))
    throw new AppFailure('IO_ERROR', `${name} could not be opened: ${(error as Error).message}`, { path });
  if (code === 'SQLITE_BUSY') throw new AppFailure('BUSY', `${name} is locked by another program`, { path });
  if (code === 'SQLITE_READONLY') throw new AppFailure('READ_ONLY', `${name} cannot be written: ${(error as Error).message}`, { path });
  throw error;
}

/** Creates a new, empty workspace file; refuses to touch an existing file. */
export function createWorkspaceDb(path: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDb {
  if (lstatSync(path, { throwIfNoEntry: false })) {
    throw new AppFailure('FILE_EXISTS', `${basename(path)} already exists; choose another name`, { path });
  }
  if (!lstatSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppFailure('FILE_NOT_FOUND', `${basename(path)} cannot be created: the folder ${dirname(path)} does not exist`, { path });
  }
  if (!canWrite(dirname(path))) {
    throw new AppFailure('READ_ONLY', `${basename(path)} cannot be created: the folder ${dirname(path)} does not allow creating files`, { path });
  }
  let db: Database.Database | undefined;
  try {
    db = sqlite(path);
    checkSqliteVersion(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyPragmas(db);
    const version = migrate(db, migrations);
    // Put the header (application_id) into the main file now, so a crash cannot leave it only in the WAL.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { db, readOnly: false, readOnlyReason: null, schemaVersion: version };
  } catch (error) {
    db?.close();
    wrapSqliteError(error, path);
  }
}

/** A backup callback: copies the live database to a file before a migration. */
export type BackupFn = (db: Database.Database, fromVersion: number) => void;

/**
 * Opens a workspace read-only. Without pending WAL frames the file alone holds everything, so it is read into
 * memory: nothing is created beside it and no lock is held. With frames (a crash left them) SQLite reads both.
 */
function openReadOnly(path: string, reason: string, schemaVersion: number): OpenedDb {
  const db = hasPendingWal(path) ? sqlite(path, { readonly: true, fileMustExist: true }) : sqlite(readOnlyImage(path), { readonly: true });
  try {
    db.pragma('foreign_keys = ON');
    refuseIfDamaged(db, path);
    return { db, readOnly: true, readOnlyReason: reason, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The schema version of a workspace: from its header, or from SQLite when WAL frames may hold a newer one. */
function schemaVersionOf(path: string, header: Buffer): number {
  if (!hasPendingWal(path)) return headerUserVersion(header);
  const probe = sqlite(path, { readonly: true, fileMustExist: true });
  try {
    return Number(probe.pragma('user_version', { simple: true }));
  } finally {
    probe.close();
  }
}

/**
 * Opens an existing workspace. A file that is not a workspace, or not one this version knows, is refused
 * before SQLite opens it. One written by a newer version, or one whose file or folder cannot be written, opens
 * read-only with a message saying why. A writable one is checked (quick_check) before it is switched to WAL.
 */
export function openWorkspaceDb(path: string, options: { migrations?: readonly Migration[]; backup?: BackupFn } = {}): OpenedDb {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
  if (!lstatSync(path, { throwIfNoEntry: false })) {
    throw new AppFailure('FILE_NOT_FOUND', `${basename(path)} does not exist`, { path });
  }
  checkPathShape(path);
  const header = checkWorkspaceHeader(path);
  const name = basename(path);
  let db: Database.Database | undefined;
  try {
    const version = schemaVersionOf(path, header);
    if (version < 0) {
      throw new AppFailure(
        'NOT_A_WORKSPACE',
        `${name} has schema version ${version}, which no version of SLO Workbench writes: it is not a workspace this version knows`,
        { path },
      );
    }
    if (version > latest) {
      return openReadOnly(
        path,
        `This workspace was written by a newer version of SLO Workbench (schema ${version}; this version knows up to ${latest}). It is open read-only.`,
        version,
      );
    }
    const blocker = writeBlocker(path);
    if (blocker) {
      if (version < latest) {
        throw new AppFailure(
          'READ_ONLY',
          `${name} has schema ${version} and must be upgraded to schema ${latest} before this version can open it, but it cannot be written: ${blocker.reason}. Make the ${blocker.what} writable, or open it with the version that wrote it.`,
          { path },
        );
      }
      return openReadOnly(path, `${name} cannot be written: ${blocker.reason}. It is open read-only; make the ${blocker.what} writable to change it.`, version);
    }
    db = sqlite(path, { fileMustExist: true });
    checkSqliteVersion(db);
    // Check before switching to WAL, so a damaged file (perhaps a rollback-journal copy) is refused as it was.
    refuseIfDamaged(db, path);
    applyPragmas(db);
    if (version < latest && version > 0) options.backup?.(db, version);
    const migrated = migrate(db, migrations);
    return { db, readOnly: false, readOnlyReason: null, schemaVersion: migrated };
  } catch (error) {
    db?.close();
    wrapSqliteError(error, path);
  }
}

export { LATEST_SCHEMA_VERSION };
