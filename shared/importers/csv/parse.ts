// parse → map for CSV/TSV: reads the mapped columns of every row into good/total samples, rejecting each bad row
// with a located error and reading on, then normalises the samples into one series. Never throws on bad input.
import { IANAZone } from 'luxon';
import { boundSeriesName, MAX_SAMPLE_MS, MIN_SAMPLE_MS, outOfSpanReason } from '../bounds';
import { withLatencyValues } from '../latency';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type LatencyUnit, type ParseResult } from '../types';
import { CSV_DELIMITERS, checkHeaders, detectCsv, stripBom, type CsvDelimiter } from './detect';
import { createFoldResolver } from './fold';
import { createIssueLog, type IssueLog } from './issues';
import { createSampleGatherer, normaliseSamples } from './normalise';
import { scanCsv, type CsvRow } from './scan';
import { createTimeParser, type CsvTimeFormat } from './time';

/** A column chosen by its header name or by its 0-based index. */
export type ColumnRef = string | number;

/**
 * Which columns hold the time and the events: good+total, bad+total, a ratio (optionally with a total), a value with
 * one threshold, or a latency value in a unit (kept per sample, so each tier is judged at its own threshold).
 */
export type CsvMapping =
  | { kind: 'good-total'; time: ColumnRef; good: ColumnRef; total: ColumnRef }
  | { kind: 'bad-total'; time: ColumnRef; bad: ColumnRef; total: ColumnRef }
  | { kind: 'ratio'; time: ColumnRef; ratio: ColumnRef; total?: ColumnRef }
  | { kind: 'value-threshold'; time: ColumnRef; value: ColumnRef; threshold: number; direction: 'below' | 'above' }
  | { kind: 'latency'; time: ColumnRef; value: ColumnRef; unit: LatencyUnit };

/** How to read the file: the time format (explicit), the zone of offset-less times, and optional overrides of detection. */
export type CsvParseOptions = {
  timeFormat: CsvTimeFormat;
  timeZone?: string;
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
  limits?: ImportLimits;
  /** The series name; by default the mapped good, bad, ratio or value column's name. */
  name?: string;
  /** Told now and then how far reading has got, in characters of the text. */
  onProgress?: (doneChars: number, totalChars: number) => void;
};

function fail(issues: ImportIssue[], rejected = 0): ParseResult {
  return { format: 'csv', series: [], issues, accepted: 0, rejected, merged: 0 };
}

function resolve(ref: ColumnRef, headers: string[] | null, width: number, role: string, issues: ImportIssue[]): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < width) return ref;
    issues.push({ severity: 'error', code: 'MISSING_COLUMN', message: `The ${role} column ${ref} does not exist; the file has columns 0 to ${width - 1}` });
    return -1;
  }
  const at = headers === null ? -1 : headers.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
  if (at < 0)
    issues.push({
      severity: 'error',
      code: 'MISSING_COLUMN',
      message:
        headers === null
          ? `The ${role} column "${ref}" is not in the header (the file has none; choose columns by index)`
          : `The ${role} column "${ref}" is not in the header; the columns are ${headers.map((h) => `"${h}"`).join(', ')}`,
    });
  return at;
}

/** Reads one row's counts into `out`, or logs a located error and returns false. */
type Reader = (row: CsvRow, line: number, log: IssueLog, out: Counts) => boolean;
type Counts = { good: number; total: number };

function countAt(row: CsvRow, col: number, what: string, line: number, log: IssueLog): number | null {
  const v = row.number(col);
  if (v === null) {
    log.add({
      severity: 'error',
      code: 'BAD_NUMBER',
      line,
      column: col + 1,
      message: `Line ${line}, column ${col + 1}: the ${what} "${row.text(col)}" is not a finite number`,
    });
    return null;
  }
  if (v < 0 && what !== 'value') {
    log.add({
      severity: 'error',
      code: 'NEGATIVE_COUNT',
      line,
      column: col + 1,
      message: `Line ${line}, column ${col + 1}: the ${what} ${row.text(col)} is negative`,
    });
    return null;
  }
  return v;
}

/** Reads a good or a bad count (column p) with the total (column t); a count above its total is refused. */
function partOfTotalReader(part: 'good' | 'bad', p: number, t: number): Reader {
  const code = part === 'good' ? 'GOOD_ABOVE_TOTAL' : 'BAD_ABOVE_TOTAL';
  const label = `${part} count`;
  return (row, line, log, out) => {
    const count = countAt(row, p, label, line, log);
    const total = countAt(row, t, 'total count', line, log);
    if (count === null || total === null) return false;
    if (count > total) {
      log.add({ severity: 'error', code, line, column: p + 1, message: `Line ${line}: ${part} ${count} is more than total ${total}` });
      return false;
    }
    out.good = part === 'good' ? count : total - count;
    out.total = total;
    return true;
  };
}

function readerFor(mapping: CsvMapping, cols: Record<string, number>): Reader {
  const c = (k: string): number => cols[k] ?? -1;
  switch (mapping.kind) {
    case 'good-total':
      return partOfTotalReader('good', c('good'), c('total'));
    case 'bad-total':
      return partOfTotalReader('bad', c('bad'), c('total'));
    case 'ratio': {
      const [r, t] = [c('ratio'), c('total')];
      return (row, line, log, out) => {
        const ratio = countAt(row, r, 'ratio', line, log);
        const total = t < 0 ? 1 : countAt(row, t, 'total count', line, log);
        if (ratio === null || total === null) return false;
        if (ratio > 1) {
          log.add({
            severity: 'error',
            code: 'RATIO_OUT_OF_RANGE',
            line,
            column: r + 1,
            message: `Line ${line}, column ${r + 1}: the ratio ${row.text(r)} is outside [0, 1]`,
          });
          return false;
        }
        out.good = ratio * total;
        out.total = total;
        return true;
      };
    }
    // The latency and value-threshold readers read one value alike on purpose; what each makes of it differs.
    case 'latency': {
      // The value rides in `good` through normalisation; withLatencyValues moves it beside the series.
      const v = c('value');
      return (row, line, log, out) => {
        const value = countAt(row, v, 'latency', line, log);
        if (value === null) return false;
        out.good = value;
        out.total = 1;
        return true;
      };
    }
    case 'value-threshold': {
      const v = c('value');
      return (row, line, log, out) => {
        const value = countAt(row, v, 'value', line, log);
        if (value === null) return false;
        out.good = (mapping.direction === 'below' ? value <= mapping.threshold : value >= mapping.threshold) ? 1 : 0;
        out.total = 1;
        return true;
      };
    }
  }
}

/**
 * Reads a CSV/TSV text with a column mapping into one series of good/total samples. Bad rows are rejected with
 * located errors and counted; offset-less times without a zone refuse the whole file, naming the first such line.
 * Whether to import despite rejected rows is the caller's decision, made from `issues`.
 */
export function parseCsv(input: string, mapping: CsvMapping, options: CsvParseOptions): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const text = stripBom(input);
  if (text.length > limits.maxBytes)
    return fail([{ severity: 'error', code: 'TOO_LARGE', message: `The text has ${text.length} characters, more than the limit of ${limits.maxBytes}` }]);
  if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone)) {
    return fail([{ severity: 'error', code: 'UNKNOWN_TIME_ZONE', message: `"${options.timeZone}" is not an IANA time zone such as Europe/Berlin` }]);
  }
  if (options.delimiter !== undefined && !CSV_DELIMITERS.includes(options.delimiter)) {
    return fail([{ severity: 'error', code: 'BAD_DELIMITER', message: 'The delimiter must be a comma, a semicolon or a tab' }]);
  }
  const detected = options.delimiter === undefined || options.hasHeader === undefined ? detectCsv(text, 2, limits) : null;
  const delimiter = options.delimiter ?? detected!.delimiter;
  const hasHeader = options.hasHeader ?? detected!.hasHeader;
  const log = createIssueLog();
  const parseTime = createTimeParser(options.timeFormat, options.timeZone);
  const timeSpan = parseTime.span;
  const samples = createSampleGatherer();
  // The span's ends as locals: the row loop then reads no module binding (a getter call per row in some builds).
  const minMs = MIN_SAMPLE_MS;
  const maxMs = MAX_SAMPLE_MS;
  const folds = createFoldResolver(options.timeZone ?? '', samples, log, () => timeCol + 1);
  let headers: string[] | null = null;
  let reader: Reader | null = null;
  let timeCol = -1;
  // The event column (good, bad, ratio or value) and the total column (-1: none), read directly on the fast path.
  let eventCol = -1;
  let totalCol = -1;
  let seriesName = options.name ?? 'series';
  let refused: ImportIssue[] | null = null;
  let rejected = 0;
  const counts: Counts = { good: 0, total: 0 };
  const kind = mapping.kind;
  const below = mapping.kind === 'value-threshold' && mapping.direction === 'below';
  const threshold = mapping.kind === 'value-threshold' ? mapping.threshold : 0;
  const setup = (fields: string[]): boolean => {
    const issues: ImportIssue[] = hasHeader ? checkHeaders(fields) : [];
    headers = hasHeader ? fields : null;
    const cols: Record<string, number> = {};
    for (const key of ['time', 'good', 'bad', 'total', 'ratio', 'value'] as const) {
      const ref = (mapping as Partial<Record<string, ColumnRef>>)[key];
      if (ref !== undefined) cols[key] = resolve(ref, headers, fields.length, key, issues);
    }
    if (issues.length > 0) {
      refused = issues;
      return false;
    }
    timeCol = cols.time!;
    const named = cols.good ?? cols.bad ?? cols.ratio ?? cols.value;
    eventCol = named!;
    totalCol = cols.total ?? -1;
    if (options.name === undefined && headers !== null && named !== undefined) seriesName = headers[named]!.trim() || 'series';
    reader = readerFor(mapping, cols);
    return true;
  };
  const summary = scanCsv(
    text,
    delimiter,
    limits,
    log,
    (row, line) => {
      if (reader === null) {
        if (!setup(row.texts())) return false;
        if (hasHeader) return true;
      }
      let ms = row.read(timeCol, timeSpan);
      let ambiguous = false;
      let laterMs = 0;
      let wallMs = 0;
      // The usual forms are read in place; anything else, and every failure, goes through the full parser for its reason.
      if (ms !== ms) {
        const time = parseTime.parse(row.text(timeCol));
        if (!time.ok) {
          if (time.code === 'NEEDS_TIME_ZONE') {
            refused = [
              {
                severity: 'error',
                code: 'TIME_ZONE_REQUIRED',
                line,
                column: timeCol + 1,
                message: `Line ${line}: the time ${time.message}; nothing was imported`,
              },
            ];
            return false;
          }
          rejected++;
          log.add({ severity: 'error', code: time.code, line, column: timeCol + 1, message: `Line ${line}, column ${timeCol + 1}: ${time.message}` });
          return true;
        }
        ms = time.ms;
        if (time.ambiguous) {
          ambiguous = true;
          laterMs = time.laterMs;
          wallMs = time.wallMs;
        }
      }
      // One comparison per row: times outside 1970–2200 are refused before anything is stored.
      if (!(ms >= minMs && ms < maxMs)) {
        rejected++;
        log.add({
          severity: 'error',
          code: 'TIME_OUT_OF_RANGE',
          line,
          column: timeCol + 1,
          message: `Line ${line}, column ${timeCol + 1}: ${outOfSpanReason(ms)}`,
        });
        return true;
      }
      // A valid row gives its counts here without the reader; any doubt goes to the reader, which names the problem.
      const a = row.number(eventCol);
      const b = totalCol < 0 ? 1 : row.number(totalCol);
      if (a !== null && b !== null && b >= 0 && (kind === 'value-threshold' || (a >= 0 && (kind === 'latency' || a <= (kind === 'ratio' ? 1 : b))))) {
        counts.total = b;
        counts.good =
          kind === 'good-total'
            ? a
            : kind === 'bad-total'
              ? b - a
              : kind === 'ratio'
                ? a * b
                : kind === 'latency'
                  ? a
                  : (below ? a <= threshold : a >= threshold)
                    ? 1
                    : 0;
      } else if (!reader!(row, line, log, counts)) {
        rejected++;
        return true;
      }
      // A local time in a DST fold waits for the rows after it to tell which pass it is in (see fold.ts).
      if (ambiguous) {
        folds.add(ms, laterMs, wallMs, line, counts.good, counts.total);
        return true;
      }
      if (folds.open) folds.end();
      samples.add(ms, counts.good, counts.total, line);
      return true;
    },
    options.onProgress,
  );
  if (refused !== null) return fail([...refused, ...log.finish()]);
  if (reader === null) return fail([{ severity: 'error', code: 'EMPTY_FILE', message: 'The file has no rows' }, ...log.finish()]);
  folds.end();
  const raw = samples.finish();
  const normalised = normaliseSamples(boundSeriesName(seriesName, log), raw, log);
  const series = mapping.kind === 'latency' ? withLatencyValues(normalised, mapping.unit) : normalised;
  // Rows read without error but not kept are the duplicates normalisation merged.
  const merged = raw.length - series.t.length;
  return { format: 'csv', series: [series], issues: log.finish(), accepted: series.t.length, rejected: rejected + folds.rejected + summary.rejected, merged };
}
