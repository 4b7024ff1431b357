// Upptime status histories (events.csv as derived in shared/datasets/upptime-unibe-digitaleditions): one row per status
// commit. A monitor is in the state of its latest event until the next one, so it becomes a 1-minute up/down series.
import { DateTime } from 'luxon';
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParsedSeries, type ParseResult } from './types';
import { checkSize, medianStep, MINUTE_MS, splitLines } from './minute-buckets';

/** How to read an Upptime history: whether "degraded" counts as up (Upptime's default) or down, and the limits. */
export type UpptimeOptions = { degraded?: 'up' | 'down'; limits?: ImportLimits };

/** Columns an Upptime events file must have. */
export const UPPTIME_COLUMNS = ['check_time_utc', 'slug', 'status'] as const;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** UTC milliseconds of an RFC 3339 time that carries Z or an offset, or null. */
export function parseZonedIso(text: string): number | null {
  if (!ISO_WITH_ZONE.test(text)) return null;
  const time = DateTime.fromISO(text, { setZone: true });
  return time.isValid ? time.toMillis() : null;
}

/** The fields of one CSV line (RFC 4180 quoting, no line breaks inside fields), or null when a quote is unbalanced. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return null;
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** True when a text starts with an Upptime events header. */
export function detectUpptime(text: string): boolean {
  const header = splitCsvLine(splitLines(text.slice(0, 4096))[0] ?? '');
  return header !== null && UPPTIME_COLUMNS.every((column) => header.includes(column));
}

type Event = { time: number; up: boolean; order: number };

/** A 1-minute series from a monitor's events: each event takes effect at its nearest minute boundary. */
function monitorSeries(name: string, events: Event[]): ParsedSeries {
  events.sort((a, b) => a.time - b.time || a.order - b.order);
  const first = Math.round(events[0]!.time / MINUTE_MS);
  const last = Math.round(events[events.length - 1]!.time / MINUTE_MS);
  const length = last - first + 1;
  const t = new Float64Array(length);
  const good = new Float64Array(length);
  const total = new Float64Array(length).fill(1);
  let next = 0;
  let up = events[0]!.up;
  for (let i = 0; i < length; i++) {
    const minute = first + i;
    while (next < events.length && Math.round(events[next]!.time / MINUTE_MS) <= minute) up = events[next++]!.up;
    t[i] = minute * MINUTE_MS;
    good[i] = up ? 1 : 0;
  }
  return { name, stepMs: medianStep(t), t, good, total };
}

/**
 * Reads an Upptime events CSV into one series per monitor (named by slug) at 1-minute resolution over its observed span:
 * total = 1 per minute, good = 1 while the latest status event said up. Bad rows become located issues.
 */
export function parseUpptime(text: string, options: UpptimeOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const fail = (issue: ImportIssue): ParseResult => ({ format: 'upptime', series: [], issues: [issue], accepted: 0, rejected: 0 });
  const tooLarge = checkSize(text, limits);
  if (tooLarge !== null) return fail(tooLarge);
  const lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = splitCsvLine(lines[0] ?? '');
  const missing = UPPTIME_COLUMNS.filter((column) => header === null || !header.includes(column));
  if (header === null || missing.length > 0) {
    return fail({ severity: 'error', code: 'MISSING_COLUMN', message: `The header lacks ${missing.join(', ')}`, line: 1 });
  }
  const [timeAt, slugAt, statusAt] = UPPTIME_COLUMNS.map((column) => header.indexOf(column)) as [number, number, number];
  const issues: ImportIssue[] = [];
  const monitors = new Map<string, Event[]>();
  let accepted = 0;
  let rejected = 0;
  const reject = (line: number, code: string, message: string, column?: number): void => {
    issues.push({ severity: 'error', code, message, line, ...(column === undefined ? {} : { column }) });
    rejected++;
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (accepted + rejected >= limits.maxRows) {
      issues.push({ severity: 'error', code: 'TOO_MANY_ROWS', message: `More than ${limits.maxRows} rows; reading stopped`, line: i + 1 });
      break;
    }
    if (line.length > limits.maxFieldLength) {
      reject(i + 1, 'FIELD_TOO_LONG', `The row is longer than ${limits.maxFieldLength} characters`);
      continue;
    }
    const fields = splitCsvLine(line);
    if (fields === null || fields.length !== header.length) {
      reject(i + 1, 'RAGGED_ROW', `The row has ${fields === null ? 'an unbalanced quote' : `${fields.length} fields, the header ${header.length}`}`);
      continue;
    }
    const time = parseZonedIso(fields[timeAt]!);
    if (time === null) {
      reject(i + 1, 'BAD_TIMESTAMP', `"${fields[timeAt]}" is not an ISO 8601 time with Z or an offset`, timeAt + 1);
      continue;
    }
    const status = fields[statusAt]!;
    if (status !== 'up' && status !== 'down' && status !== 'degraded') {
      reject(i + 1, 'BAD_STATUS', `"${status}" is not up, down or degraded`, statusAt + 1);
      continue;
    }
    const slug = fields[slugAt]!;
    if (slug === '') {
      reject(i + 1, 'BAD_SLUG', 'The monitor slug is empty', slugAt + 1);
      continue;
    }
    const up = status === 'up' || (status === 'degraded' && (options.degraded ?? 'up') === 'up');
    const events = monitors.get(slug) ?? [];
    events.push({ time, up, order: i });
    monitors.set(slug, events);
    accepted++;
  }
  const series = [...monitors.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([slug, events]) => monitorSeries(slug, events));
  return { format: 'upptime', series, issues, accepted, rejected };
}
