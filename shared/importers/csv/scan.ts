// The CSV scanner: one pass over the text with charCodeAt, RFC 4180 quoting ("a ""b""", delimiters and line breaks
// inside quotes), LF, CRLF, CR and mixed line endings, a last line without a line break. Blank lines are skipped.
// It keeps no rows itself: each well-formed record goes to a visitor, so memory stays bounded by the caller.
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
  /** All fields as a new array of strings. */
  texts: () => string[];
};

/** Receives one well-formed record and the 1-based line it starts on; returning false stops the scan. */
export type RowVisitor = (row: CsvRow, line: number) => boolean | void;

type Fields = { starts: number[]; ends: number[]; quoted: (string | null)[]; count: number };

function rowView(text: string, f: Fields): CsvRow {
  const row: CsvRow = {
    get count() { return f.count; },
    text: (k) => f.quoted[k] ?? text.slice(f.starts[k], f.ends[k]),
    number(k) {
      const q = f.quoted[k];
      return q === null || q === undefined ? parseStrictSpan(text, f.starts[k]!, f.ends[k]!) : parseStrictSpan(q, 0, q.length);
    },
    texts: () => Array.from({ length: f.count }, (_, k) => row.text(k)),
  };
  return row;
}

/**
 * Scans CSV text with a one-character delimiter. The first record fixes the field count; a record with another
 * count is a RAGGED_ROW error and is not visited. UNTERMINATED_QUOTE, FIELD_TOO_LONG and TOO_MANY_ROWS stop the scan.
 * Issue columns are 1-based field numbers, except UNTERMINATED_QUOTE whose column is the character of the quote.
 */
export function scanCsv(text: string, delimiter: string, limits: ImportLimits, log: IssueLog, visit: RowVisitor): ScanSummary {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const maxField = limits.maxFieldLength;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let expected = -1;
  let records = 0;
  let rejected = 0;
  const fields: Fields = { starts: [], ends: [], quoted: [], count: 0 };
  const row = rowView(text, fields);
  const push = (start: number, end: number, quoted: string | null): void => {
    const k = fields.count++;
    fields.starts[k] = start; fields.ends[k] = end; fields.quoted[k] = quoted;
  };
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF) { i++; line++; lineStart = i; continue; }
    if (first === CR) { i++; if (i < n && text.charCodeAt(i) === LF) i++; line++; lineStart = i; continue; }
    const rowLine = line;
    fields.count = 0;
    let strayQuoteField = 0;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        const quoteColumn = i - lineStart + 1;
        const fieldStart = i;
        i++;
        let chunk = i;
        let closed = false;
        let value = '';
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) { value += text.slice(chunk, i + 1); i += 2; chunk = i; continue; }
            value += text.slice(chunk, i);
            i++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && (i + 1 >= n || text.charCodeAt(i + 1) !== LF))) { line++; lineStart = i + 1; }
          i++;
          if (i - fieldStart > maxField + 2) break;
        }
        if (!closed && i >= n) {
          log.add({ severity: 'error', code: 'UNTERMINATED_QUOTE', line: quoteLine, column: quoteColumn, message: `Line ${quoteLine}: the quote at character ${quoteColumn} (field ${fields.count + 1}) is never closed` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        if (!closed || value.length > maxField) {
          log.add({ severity: 'error', code: 'FIELD_TOO_LONG', line: quoteLine, column: fields.count + 1, message: `Line ${quoteLine}, field ${fields.count + 1}: the quoted field is longer than ${maxField} characters (is a quote left open?)` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        // Text after the closing quote and before the delimiter is kept literally, but the record is rejected.
        if (i < n) {
          const start = i;
          for (let c = text.charCodeAt(i); i < n && c !== d && c !== LF && c !== CR; c = text.charCodeAt(++i));
          if (i > start) { value += text.slice(start, i); if (strayQuoteField === 0) strayQuoteField = fields.count + 1; }
        }
        push(0, 0, value);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i - start > maxField) {
          log.add({ severity: 'error', code: 'FIELD_TOO_LONG', line: rowLine, column: fields.count + 1, message: `Line ${rowLine}, field ${fields.count + 1}: the field is longer than ${maxField} characters` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        push(start, i, null);
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
      log.add({ severity: 'error', code: 'STRAY_QUOTE', line: rowLine, column: strayQuoteField, message: `Line ${rowLine}, field ${strayQuoteField}: text follows a closing quote` });
      continue;
    }
    if (visit(row, rowLine) === false) return { records, rejected, stopped: 'visitor' };
  }
  return { records, rejected, stopped: null };
}
