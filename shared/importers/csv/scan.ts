// The CSV scanner: one pass over the text (indexOf for field ends, charCodeAt inside quotes), RFC 4180 quoting
// ("a ""b""", delimiters and line breaks inside quotes), LF, CRLF, CR and mixed line endings, a last line without a
// line break. Blank lines are skipped. It keeps no rows itself: each well-formed record goes to a visitor, and fields
// are offsets into the text, so memory stays bounded by the caller and unquoted fields are never copied.
import type { ImportLimits } from '../types';
import type { IssueLog } from './issues';
import { parseStrictSpan } from './numbers';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** What a scan saw: records read (blank lines not counted), records rejected, and whether it stopped early. */
export type ScanSummary = { records: number; rejected: number; stopped: 'visitor' | 'fatal' | null };

/** One record as the scanner sees it, valid only during the visit: its field count, and each field as text or as a strict number. */
export type CsvRow = {
  readonly count: number;
  text: (k: number) => string;
  /** The field in the strict decimal grammar (numbers.ts), read in place without copying, or null. */
  number: (k: number) => number | null;
  /** What `reader` makes of the field, given in place as text[start, end) (a quoted field as its unescaped value). */
  read: <T>(k: number, reader: SpanReader<T>) => T;
  /** All fields as a new array of strings. */
  texts: () => string[];
};

/** Told every PROGRESS_ROWS records how far the scan has got: characters read of the text's length. */
export type ScanProgress = (doneChars: number, totalChars: number) => void;

/** Records between two progress reports (a power of two, tested with a mask). */
export const PROGRESS_ROWS = 65_536;
const PROGRESS_ROWS_MASK = PROGRESS_ROWS - 1;

/** Reads a value from text[start, end) without copying it. */
export type SpanReader<T> = (text: string, start: number, end: number) => T;

/** Receives one well-formed record and the 1-based line it starts on; returning false stops the scan. */
export type RowVisitor = (row: CsvRow, line: number) => boolean | void;

/**
 * Where the current record's fields lie: field k is text[starts[k], ends[k]), or, when starts[k] is -1, the unescaped
 * value quoted[k] of a quoted field. Typed offsets are reused from record to record, so scanning allocates nothing.
 */
type Fields = { starts: Int32Array; ends: Int32Array; quoted: (string | null)[]; count: number };

function rowView(text: string, f: Fields): CsvRow {
  const row: CsvRow = {
    get count() {
      return f.count;
    },
    text: (k) => (f.starts[k] === -1 ? f.quoted[k]! : text.slice(f.starts[k], f.ends[k])),
    number(k) {
      const start = f.starts[k]!;
      if (start >= 0) return parseStrictSpan(text, start, f.ends[k]!);
      const q = f.quoted[k]!;
      return parseStrictSpan(q, 0, q.length);
    },
    read(k, reader) {
      const start = f.starts[k]!;
      if (start >= 0) return reader(text, start, f.ends[k]!);
      const q = f.quoted[k]!;
      return reader(q, 0, q.length);
    },
    texts: () => Array.from({ length: f.count }, (_, k) => row.text(k)),
  };
  return row;
}

function push(f: Fields, start: number, end: number, quoted: string | null): void {
  const k = f.count++;
  if (k === f.starts.length) {
    const starts = new Int32Array(k * 2);
    const ends = new Int32Array(k * 2);
    starts.set(f.starts);
    ends.set(f.ends);
    f.starts = starts;
    f.ends = ends;
  }
  f.ends[k] = end;
  if (quoted === null) f.starts[k] = start;
  else {
    f.starts[k] = -1;
    f.quoted[k] = quoted;
  }
}

/** Where the scan stands when it hands a quoted field to readQuoted, and whether text followed the closing quote. */
type Cursor = { i: number; line: number; lineStart: number; stray: boolean };

/** Why a quoted field stopped the scan, with the line and character of its opening quote. */
type QuoteFailure = { code: 'UNTERMINATED_QUOTE' | 'FIELD_TOO_LONG'; line: number; column: number };

/**
 * Reads the quoted field whose opening quote is at cursor.i: doubled quotes unescaped, delimiters and line breaks kept
 * (counting lines), and any text between the closing quote and the next delimiter appended literally (cursor.stray).
 * Leaves the cursor after the field. Quoted fields are rare, so this stays out of the scanner's loop.
 */
function readQuoted(text: string, d: number, maxField: number, cursor: Cursor): string | QuoteFailure {
  const n = text.length;
  let i = cursor.i;
  const opened = { line: cursor.line, column: i - cursor.lineStart + 1 };
  const fieldStart = i;
  i++;
  let chunk = i;
  let closed = false;
  let value = '';
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
        value += text.slice(chunk, i + 1);
        i += 2;
        chunk = i;
        continue;
      }
      value += text.slice(chunk, i);
      i++;
      closed = true;
      break;
    }
    if (c === LF || (c === CR && (i + 1 >= n || text.charCodeAt(i + 1) !== LF))) {
      cursor.line++;
      cursor.lineStart = i + 1;
    }
    i++;
    if (i - fieldStart > maxField + 2) break;
  }
  if (!closed && i >= n) return { code: 'UNTERMINATED_QUOTE', ...opened };
  if (!closed || value.length > maxField) return { code: 'FIELD_TOO_LONG', ...opened };
  // Text after the closing quote and before the delimiter is kept literally, but the record is rejected.
  const start = i;
  for (let c = text.charCodeAt(i); i < n && c !== d && c !== LF && c !== CR; c = text.charCodeAt(++i));
  if (i > start) value += text.slice(start, i);
  cursor.stray = i > start;
  cursor.i = i;
  return value;
}

/**
 * Scans CSV text with a one-character delimiter. The first record fixes the field count; a record with another
 * count is a RAGGED_ROW error and is not visited. UNTERMINATED_QUOTE, FIELD_TOO_LONG and TOO_MANY_ROWS stop the scan.
 * Issue columns are 1-based field numbers, except UNTERMINATED_QUOTE whose column is the character of the quote.
 */
export function scanCsv(text: string, delimiter: string, limits: ImportLimits, log: IssueLog, visit: RowVisitor, progress?: ScanProgress): ScanSummary {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const maxField = limits.maxFieldLength;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let expected = -1;
  let records = 0;
  let rejected = 0;
  const fields: Fields = { starts: new Int32Array(16), ends: new Int32Array(16), quoted: [], count: 0 };
  const row = rowView(text, fields);
  // The next delimiter, LF and CR at or after the current position (n when none is left), found with indexOf, which
  // searches far faster than a charCodeAt loop; each is searched again only once the scan has passed it.
  let nextDelimiter = -1;
  let nextLf = -1;
  let nextCr = -1;
  const cursor: Cursor = { i: 0, line: 1, lineStart: 0, stray: false };
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (first === CR) {
      i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      line++;
      lineStart = i;
      continue;
    }
    const rowLine = line;
    fields.count = 0;
    let strayQuoteField = 0;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        cursor.i = i;
        cursor.line = line;
        cursor.lineStart = lineStart;
        const value = readQuoted(text, d, maxField, cursor);
        if (typeof value !== 'string') {
          const field = fields.count + 1;
          if (value.code === 'UNTERMINATED_QUOTE') {
            log.add({
              severity: 'error',
              code: value.code,
              line: value.line,
              column: value.column,
              message: `Line ${value.line}: the quote at character ${value.column} (field ${field}) is never closed`,
            });
          } else {
            log.add({
              severity: 'error',
              code: value.code,
              line: value.line,
              column: field,
              message: `Line ${value.line}, field ${field}: the quoted field is longer than ${maxField} characters (is a quote left open?)`,
            });
          }
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        ({ i, line, lineStart } = cursor);
        if (cursor.stray && strayQuoteField === 0) strayQuoteField = fields.count + 1;
        push(fields, 0, 0, value);
      } else {
        const start = i;
        if (nextDelimiter < i) {
          nextDelimiter = text.indexOf(delimiter, i);
          if (nextDelimiter < 0) nextDelimiter = n;
        }
        if (nextLf < i) {
          nextLf = text.indexOf('\n', i);
          if (nextLf < 0) nextLf = n;
        }
        if (nextCr < i) {
          nextCr = text.indexOf('\r', i);
          if (nextCr < 0) nextCr = n;
        }
        i = Math.min(nextDelimiter, nextLf, nextCr);
        if (i - start > maxField) {
          log.add({
            severity: 'error',
            code: 'FIELD_TOO_LONG',
            line: rowLine,
            column: fields.count + 1,
            message: `Line ${rowLine}, field ${fields.count + 1}: the field is longer than ${maxField} characters`,
          });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        push(fields, start, i, null);
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i++;
      if (c === d) continue;
      if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
      line++;
      lineStart = i;
      break;
    }
    records++;
    if (progress !== undefined && (records & PROGRESS_ROWS_MASK) === 0) progress(i, n);
    if (records > limits.maxRows) {
      log.add({ severity: 'error', code: 'TOO_MANY_ROWS', line: rowLine, message: `Line ${rowLine}: the file has more than ${limits.maxRows} rows` });
      return { records: records - 1, rejected, stopped: 'fatal' };
    }
    if (expected < 0) expected = fields.count;
    if (fields.count !== expected) {
      rejected++;
      log.add({ severity: 'error', code: 'RAGGED_ROW', line: rowLine, message: `Line ${rowLine}: ${fields.count} fields where the first row has ${expected}` });
      continue;
    }
    if (strayQuoteField > 0) {
      rejected++;
      log.add({
        severity: 'error',
        code: 'STRAY_QUOTE',
        line: rowLine,
        column: strayQuoteField,
        message: `Line ${rowLine}, field ${strayQuoteField}: text follows a closing quote`,
      });
      continue;
    }
    if (visit(row, rowLine) === false) return { records, rejected, stopped: 'visitor' };
  }
  return { records, rejected, stopped: null };
}
