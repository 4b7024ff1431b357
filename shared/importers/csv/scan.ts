// The CSV scanner: one pass over the text with charCodeAt, RFC 4180 quoting ("a ""b""", delimiters and line breaks
// inside quotes), LF, CRLF, CR and mixed line endings, a last line without a line break. Blank lines are skipped.
// It keeps no rows itself: each well-formed record goes to a visitor, so memory stays bounded by the caller.
import type { ImportLimits } from '../types';
import type { IssueLog } from './issues';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** What a scan saw: records read (blank lines not counted), records rejected, and whether it stopped early. */
export type ScanSummary = { records: number; rejected: number; stopped: 'visitor' | 'fatal' | null };

/** Receives one well-formed record (its fields and the 1-based line it starts on); returning false stops the scan. */
export type RowVisitor = (fields: string[], line: number) => boolean | void;

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
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF) { i++; line++; lineStart = i; continue; }
    if (first === CR) { i++; if (i < n && text.charCodeAt(i) === LF) i++; line++; lineStart = i; continue; }
    const rowLine = line;
    const fields: string[] = [];
    let strayQuoteField = 0;
    for (;;) {
      let value: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        const quoteColumn = i - lineStart + 1;
        const fieldStart = i;
        i++;
        let chunk = i;
        let closed = false;
        value = '';
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
          log.add({ severity: 'error', code: 'UNTERMINATED_QUOTE', line: quoteLine, column: quoteColumn, message: `Line ${quoteLine}: the quote at character ${quoteColumn} (field ${fields.length + 1}) is never closed` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        if (!closed || value.length > maxField) {
          log.add({ severity: 'error', code: 'FIELD_TOO_LONG', line: quoteLine, column: fields.length + 1, message: `Line ${quoteLine}, field ${fields.length + 1}: the quoted field is longer than ${maxField} characters (is a quote left open?)` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        // Text after the closing quote and before the delimiter is kept literally, but the record is rejected.
        if (i < n) {
          const start = i;
          for (let c = text.charCodeAt(i); i < n && c !== d && c !== LF && c !== CR; c = text.charCodeAt(++i));
          if (i > start) { value += text.slice(start, i); if (strayQuoteField === 0) strayQuoteField = fields.length + 1; }
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i - start > maxField) {
          log.add({ severity: 'error', code: 'FIELD_TOO_LONG', line: rowLine, column: fields.length + 1, message: `Line ${rowLine}, field ${fields.length + 1}: the field is longer than ${maxField} characters` });
          return { records, rejected: rejected + 1, stopped: 'fatal' };
        }
        value = text.slice(start, i);
      }
      fields.push(value);
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
    if (expected < 0) expected = fields.length;
    if (fields.length !== expected) {
      rejected++;
      log.add({ severity: 'error', code: 'RAGGED_ROW', line: rowLine, message: `Line ${rowLine}: ${fields.length} fields where the first row has ${expected}` });
      continue;
    }
    if (strayQuoteField > 0) {
      rejected++;
      log.add({ severity: 'error', code: 'STRAY_QUOTE', line: rowLine, column: strayQuoteField, message: `Line ${rowLine}, field ${strayQuoteField}: text follows a closing quote` });
      continue;
    }
    if (visit(fields, rowLine) === false) return { records, rejected, stopped: 'visitor' };
  }
  return { records, rejected, stopped: null };
}
