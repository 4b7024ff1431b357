// Writes an export's files into a folder so that the folder is either fully updated or exactly as it was: every
// file is first written beside its target under a temporary name, and only when all were written are they renamed
// into place (each rename atomic), the manifest last. The manifest (.slo-workbench-export.json) lists what the
// workbench wrote there with each file's SHA-256, so a later export overwrites its own files but refuses a file it
// did not write, or one edited since, unless told to (force).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { ExportFile } from '#shared/exporters/types';
import { AppFailure } from '#shared/ipc/errors';
import { fsyncDir, tempPathFor, writeFileAtomic } from './atomic-file';

/** The manifest's name in the output folder. */
export const MANIFEST_NAME = '.slo-workbench-export.json';

/** The manifest: the format it was written by and each file's SHA-256. */
type Manifest = { format: 'slo-workbench-export/v1'; files: Record<string, string> };

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A file's bytes as written and hashed in the manifest: base64 decoded, or the text in UTF-8. */
export const fileBytes = (file: ExportFile): Buffer => Buffer.from(file.text, file.encoding === 'base64' ? 'base64' : 'utf8');

/** What an export did to each file: written (new or changed) or unchanged (the same bytes were there). */
export type WriteOutcome = { written: string[]; unchanged: string[] };

function ioFailure(message: string, error: unknown, field = 'path'): AppFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'read-only file system'
          : (code ?? String(error));
  return new AppFailure('IO_ERROR', `${message} (${why}); the folder was left as it was`, { field });
}

/** Refuses a file name that would leave the folder or hide in it: absolute, with "..", or the manifest's own name. */
function checkName(name: string): void {
  const clean = normalize(name);
  if (isAbsolute(name) || clean.startsWith('..') || clean.split(sep).includes('..') || clean === MANIFEST_NAME || name.trim() === '') {
    throw new AppFailure('INTERNAL', `An exporter named a file "${name}" outside its folder`, { field: 'format' });
  }
}

function readManifest(folder: string): Manifest {
  const path = join(folder, MANIFEST_NAME);
  if (!existsSync(path)) return { format: 'slo-workbench-export/v1', files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    if (parsed.format === 'slo-workbench-export/v1' && typeof parsed.files === 'object' && parsed.files !== null)
      return { format: parsed.format, files: { ...parsed.files } };
  } catch {
    // an unreadable manifest proves nothing was written by us: every existing file is then refused without force
  }
  return { format: 'slo-workbench-export/v1', files: {} };
}

function writeTemp(target: string, bytes: Buffer): string {
  const tmp = tempPathFor(target);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Writes `files` into `folder` (made when missing, with its missing parents). Refuses, writing nothing, when a
 * target exists that the manifest does not list with its current bytes, unless `force`; names every such file.
 */
export function writeExport(folder: string, files: readonly ExportFile[], force: boolean): WriteOutcome {
  for (const file of files) checkName(file.name);
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new AppFailure('IO_ERROR', `${folder} is a file, not a folder`, { field: 'path' });
  const manifest = readManifest(folder);
  const plan = files.map((file) => {
    const target = join(folder, file.name);
    const bytes = fileBytes(file);
    const existing = existsSync(target) ? readFileSync(target) : null;
    return { file, target, bytes, existing };
  });
  const foreign = plan.filter((p) => p.existing !== null && manifest.files[p.file.name] !== sha256(p.existing) && !p.existing.equals(p.bytes));
  if (foreign.length > 0 && !force) {
    const names = foreign.map((p) => p.file.name);
    throw new AppFailure(
      'FILE_EXISTS',
      `${folder} already holds ${names.length === 1 ? 'a file' : `${names.length} files`} this export did not write or that changed since (${names.join(', ')}); nothing was written. Choose another folder, or overwrite them on purpose (--force)`,
      { field: 'path', files: names },
    );
  }
  const madeDirs: string[] = [];
  const temps: { tmp: string; target: string }[] = [];
  const changed = plan.filter((p) => p.existing === null || !p.existing.equals(p.bytes));
  try {
    for (const dir of [folder, ...new Set(changed.map((p) => dirname(p.target)))]) {
      // Each missing folder from the outermost in, so a failure can take away exactly what was made.
      const missing: string[] = [];
      for (let d = dir; !existsSync(d) && d !== dirname(d); d = dirname(d)) missing.unshift(d);
      for (const d of missing) {
        mkdirSync(d);
        madeDirs.push(d);
      }
    }
    for (const p of changed) temps.push({ tmp: writeTemp(p.target, p.bytes), target: p.target });
  } catch (error) {
    for (const t of temps) unlinkSync(t.tmp);
    for (const dir of madeDirs.reverse()) rmdirSync(dir);
    throw ioFailure(`Could not write the export into ${folder}`, error);
  }
  for (const t of temps) renameSync(t.tmp, t.target);
  for (const dir of new Set(temps.map((t) => dirname(t.target)))) fsyncDir(dir);
  const next: Manifest = { format: 'slo-workbench-export/v1', files: { ...manifest.files } };
  for (const p of plan) next.files[p.file.name] = sha256(p.bytes);
  writeFileAtomic(
    join(folder, MANIFEST_NAME),
    `${JSON.stringify({ format: next.format, files: Object.fromEntries(Object.entries(next.files).sort(([a], [b]) => (a < b ? -1 : 1))) }, null, 2)}\n`,
  );
  return { written: changed.map((p) => p.file.name), unchanged: plan.filter((p) => !changed.includes(p)).map((p) => p.file.name) };
}
