import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeBytes, type TextEncodingName } from '#shared/importers/csv/decode';
import { guessColumns } from '#shared/importers/csv/columns';
import { detectCsv } from '#shared/importers/csv/detect';
import { detectFormat } from '#shared/importers/dispatch';
import { escapeControlChars } from '#shared/importers/escape';
import type { ImportPreview } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { gunzipStart } from './decompress';

/** Bytes read from the start of a file for its preview. */
export const PREVIEW_BYTES = 64 * 1024;

const PREVIEW_LINES = 12;
const LINE_CHARS = 300;

/**
 * The first lines of a file and what they suggest (format; for CSV the delimiter, header, roles, a mapping and the
 * time format), for the import wizard's preview and mapping step, read as the import will read it: a gzip file's
 * contents, in the encoding asked for. Reads at most PREVIEW_BYTES (of text); stores nothing.
 */
export function previewFile(path: string, encoding?: TextEncodingName): ImportPreview {
  const fileName = basename(path);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new AppFailure('FILE_NOT_FOUND', `${fileName} does not exist or is not a file`, { path });
  const buffer = Buffer.alloc(Math.min(PREVIEW_BYTES, stat.size));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const inflated = gunzipStart(buffer, stat.size, PREVIEW_BYTES);
  const head = inflated?.bytes ?? buffer;
  // Cut at the last line break so a character or row split by the byte limit is not reported as an error (after the
  // break's second byte in UTF-16 LE).
  const lastBreak = (inflated ? !inflated.whole : stat.size > buffer.length) ? head.lastIndexOf(0x0a) : -1;
  const le = encoding === 'utf-16le' || (head[0] === 0xff && head[1] === 0xfe);
  const bytes = new Uint8Array(lastBreak > 0 ? head.subarray(0, lastBreak + (le ? 2 : 1)) : head);
  const asked = encoding === undefined ? {} : { encoding };
  const decoded = decodeBytes(bytes, asked);
  if (!decoded.ok) return { fileName, bytes: stat.size, format: 'csv', lines: [], csv: null, issues: decoded.issues, ...asked };
  const text = decoded.text;
  const lines = text.split(/\r\n|\r|\n/, PREVIEW_LINES).map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS)}…` : l));
  const format = detectFormat(text);
  if (format !== 'csv') return { fileName, bytes: stat.size, format, lines, csv: null, issues: [], ...asked };
  const d = detectCsv(text, 20);
  const { mapping, timeFormat, needsTimeZone } = guessColumns(d.headers, d.roles, d.preview[0]);
  return {
    fileName,
    bytes: stat.size,
    format,
    lines,
    csv: { delimiter: d.delimiter, hasHeader: d.hasHeader, headers: d.headers, rows: d.preview, roles: d.roles, mapping, timeFormat, needsTimeZone },
    issues: d.issues.map((issue) => ({ ...issue, message: escapeControlChars(issue.message) })),
    ...asked,
  };
}
