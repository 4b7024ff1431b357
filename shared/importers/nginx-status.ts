// NGINX Plus status snapshots (the /status API), one JSON document per line as a poller saves them. Response counters
// are cumulative, so like a Prometheus counter's increase each pair of consecutive snapshots gives one interval of good
// (non-5xx) and total responses per server zone; a counter that goes down, or a reload, starts the counting over.
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits, type ParsedSeries, type ParseResult } from './types';
import { isPlausibleTime, outOfSpanReason } from './bounds';
import { checkDepth } from './json-guard';
import { medianStep } from '../domain/step';
import { checkSize } from './minute-buckets';
import { z } from 'zod';
import { CONFIDENCE, type Importer } from './importer';

/** Series name of the sum over every server zone; it comes first, before one series per zone. */
export const ALL_ZONES_SERIES = 'all zones';

/** How to read status snapshots: only the limits. */
export type NginxStatusOptions = { limits?: ImportLimits };

/**
 * The longest snapshot line read. A field limit is too small for a whole document (one upstream peer takes ~500
 * characters), so a line may hold 256 fields' worth: 16 MiB by default, enough for tens of thousands of peers.
 */
export function maxLineLength(limits: ImportLimits): number {
  return Math.min(limits.maxBytes, limits.maxFieldLength * 256);
}

/** Most characters of a first line that detection parses; a longer one is only searched for the two keys. */
const DETECT_PARSE_CHARS = 1 << 20;
const DETECT_SEARCH_CHARS = 65_536;
const LINE_BREAK = /\r\n|\n|\r/g;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The end of the line starting at an offset (before its line break). */
function lineEnd(text: string, start: number): number {
  LINE_BREAK.lastIndex = start;
  const m = LINE_BREAK.exec(text);
  return m === null ? text.length : m.index;
}

/**
 * True when the first non-empty line is a JSON object with "nginx_version" and "server_zones". A first line cut short
 * (a preview reads only the start of a file) cannot be parsed, so then the two keys are looked for in its text.
 */
export function detectNginxStatus(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text.charCodeAt(start) !== 123) return false;
  const line = text.slice(start, Math.min(lineEnd(text, start), start + DETECT_PARSE_CHARS + 1));
  if (line.length <= DETECT_PARSE_CHARS && checkDepth(line) === null) {
    try {
      const value = JSON.parse(line) as unknown;
      return isRecord(value) && typeof value.nginx_version === 'string' && isRecord(value.server_zones);
    } catch {
      // Not a whole JSON line: fall through to the key search.
    }
  }
  const head = line.slice(0, DETECT_SEARCH_CHARS);
  return /"nginx_version"\s*:\s*"/.test(head) && /"server_zones"\s*:\s*\{/.test(head);
}

type Counters = { total: number; bad: number };
type Zone = { series: string; previous: Counters | null; t: number[]; good: number[]; total: number[] };
type Snapshot = { time: number; restart: string; zones: Map<string, Counters> };
type Read = { ok: true; snapshot: Snapshot } | { ok: false; issue: ImportIssue };

/** What identifies one run of nginx: counters continue only while generation and load_timestamp stay the same. */
const restartKey = (doc: Record<string, unknown>): string => `${String(doc.generation)}/${String(doc.load_timestamp)}`;

/**
 * Reads one snapshot line (issues located within it): JSON within the depth limit, an epoch-ms timestamp within the
 * plausible span (1970–2200), and per zone
 * responses.total and responses["5xx"].
 */
function readSnapshot(line: string, limits: ImportLimits): Read {
  // The file's size is already checked, so only the nesting is left to check per line.
  const refused = checkDepth(line, limits);
  if (refused !== null) return { ok: false, issue: refused };
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (error) {
    // V8 quotes the line in some messages; the position is what helps, so only the reason is kept.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/, ".*" is not valid JSON$/s, '');
    const at = /position (\d+)/.exec(reason);
    const offset = at !== null ? Number.parseInt(at[1]!, 10) : reason.includes('end of JSON input') ? line.length : null;
    const column = offset === null ? {} : { column: offset + 1 };
    return { ok: false, issue: { severity: 'error', code: 'BAD_LINE', message: `The line is not valid JSON: ${reason}`, ...column } };
  }
  const bad = (code: string, message: string): Read => ({ ok: false, issue: { severity: 'error', code, message } });
  if (!isRecord(doc)) return bad('BAD_LINE', 'The line must be a JSON object, one status snapshot');
  if (!isCount(doc.timestamp)) return bad('BAD_TIMESTAMP', '"timestamp" must be integer milliseconds since the epoch');
  if (!isPlausibleTime(doc.timestamp)) return bad('TIME_OUT_OF_RANGE', `"timestamp": ${outOfSpanReason(doc.timestamp)}`);
  if (!isRecord(doc.server_zones)) return bad('BAD_SNAPSHOT', 'The snapshot has no "server_zones" object');
  const zones = new Map<string, Counters>();
  for (const [name, zone] of Object.entries(doc.server_zones)) {
    const responses = isRecord(zone) ? zone.responses : undefined;
    const total = isRecord(responses) ? responses.total : undefined;
    const fives = isRecord(responses) ? responses['5xx'] : undefined;
    if (!isCount(total) || !isCount(fives)) return bad('BAD_NUMBER', `Zone "${name}": responses.total and responses["5xx"] must be non-negative integers`);
    zones.set(name, { total, bad: fives });
  }
  return { ok: true, snapshot: { time: doc.timestamp, restart: restartKey(doc), zones } };
}

/** The samples of one accepted snapshot, each zone against its previous counters; warnings for what starts over. */
function addIntervals(snapshot: Snapshot, lineNo: number, zones: Map<string, Zone>, all: Zone, issues: ImportIssue[]): void {
  let good = 0;
  let total = 0;
  let sampled = false;
  for (const [name, now] of snapshot.zones) {
    let zone = zones.get(name);
    if (zone === undefined) {
      zone = { series: name === ALL_ZONES_SERIES ? `${name} (zone)` : name, previous: null, t: [], good: [], total: [] };
      zones.set(name, zone);
    }
    const before = zone.previous;
    if (before === null) {
      zone.previous = now;
      continue;
    }
    if (now.total < before.total || now.bad < before.bad) {
      const which =
        now.total < before.total ? `responses.total went from ${before.total} to ${now.total}` : `responses["5xx"] went from ${before.bad} to ${now.bad}`;
      issues.push({ severity: 'warning', code: 'COUNTER_RESET', message: `Zone "${name}": ${which}; its counting starts over here`, line: lineNo });
      zone.previous = now;
      continue;
    }
    const dTotal = now.total - before.total;
    const dBad = now.bad - before.bad;
    if (dBad > dTotal) {
      // A snapshot taken between the two increments of one response: its events are counted with the next interval.
      issues.push({
        severity: 'warning',
        code: 'INCONSISTENT_COUNTERS',
        message: `Zone "${name}": 5xx rose by ${dBad} but all responses by ${dTotal}; the interval is merged into the next one`,
        line: lineNo,
      });
      continue;
    }
    zone.previous = now;
    zone.t.push(snapshot.time);
    zone.good.push(dTotal - dBad);
    zone.total.push(dTotal);
    good += dTotal - dBad;
    total += dTotal;
    sampled = true;
  }
  if (!sampled) return;
  all.t.push(snapshot.time);
  all.good.push(good);
  all.total.push(total);
}

function toSeries(zone: Zone): ParsedSeries {
  const t = Float64Array.from(zone.t);
  return { name: zone.series, stepMs: medianStep(t), t, good: Float64Array.from(zone.good), total: Float64Array.from(zone.total) };
}

/**
 * Reads NGINX Plus status snapshots (JSON Lines) into per-interval good (non-5xx) and total responses: first the sum of
 * all server zones, then one series per zone, each sample stamped at the later snapshot of its interval. Bad lines,
 * and timestamps that do not increase, are skipped with located issues; a counter reset or a reload starts over.
 */
export function parseNginxStatus(text: string, options: NginxStatusOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const issues: ImportIssue[] = [];
  const tooLarge = checkSize(text, limits);
  if (tooLarge !== null) return { format: 'nginx-status', series: [], issues: [tooLarge], accepted: 0, rejected: 0, merged: 0 };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const maxLine = maxLineLength(limits);
  const zones = new Map<string, Zone>();
  const all: Zone = { series: ALL_ZONES_SERIES, previous: null, t: [], good: [], total: [] };
  let previous: Snapshot | null = null;
  let accepted = 0;
  let rejected = 0;
  const reject = (issue: ImportIssue): void => {
    issues.push(issue);
    rejected++;
  };
  for (let start = 0, lineNo = 1; start < body.length; lineNo++) {
    const end = lineEnd(body, start);
    const next = end + (body.startsWith('\r\n', end) ? 2 : 1);
    const lineStart = start;
    start = next;
    if (end - lineStart > maxLine) {
      reject({ severity: 'error', code: 'LINE_TOO_LONG', message: `The line is longer than ${maxLine} characters`, line: lineNo });
      continue;
    }
    const line = body.slice(lineStart, end);
    if (line.trim() === '') continue;
    if (accepted + rejected >= limits.maxRows) {
      issues.push({ severity: 'error', code: 'TOO_MANY_ROWS', message: `More than ${limits.maxRows} snapshots; reading stopped`, line: lineNo });
      break;
    }
    const read = readSnapshot(line, limits);
    if (!read.ok) {
      reject({ ...read.issue, line: lineNo });
      continue;
    }
    const snapshot = read.snapshot;
    if (previous !== null && snapshot.time <= previous.time) {
      const code = snapshot.time === previous.time ? 'DUPLICATE_TIMESTAMP' : 'OUT_OF_ORDER';
      reject({
        severity: 'error',
        code,
        message: `The snapshot's timestamp ${snapshot.time} is not after the previous one (${previous.time}); it is skipped`,
        line: lineNo,
      });
      continue;
    }
    if (previous !== null && snapshot.restart !== previous.restart) {
      issues.push({
        severity: 'warning',
        code: 'COUNTER_RESET',
        message: `nginx was reloaded or restarted (generation/load_timestamp ${previous.restart} → ${snapshot.restart}); counting starts over here`,
        line: lineNo,
      });
      for (const zone of zones.values()) zone.previous = null;
    }
    addIntervals(snapshot, lineNo, zones, all, issues);
    previous = snapshot;
    accepted++;
  }
  const series = [all, ...zones.values()].filter((zone) => zone.t.length > 0).map(toSeries);
  if (series.length === 0) {
    const message =
      accepted === 0
        ? 'The file holds no usable status snapshots'
        : `The file holds ${accepted} usable snapshot${accepted === 1 ? '' : 's'} but no interval between two of them: counters need at least two consecutive snapshots of the same nginx run`;
    issues.push({ severity: 'error', code: 'NO_DATA', message });
  }
  return { format: 'nginx-status', series, issues, accepted, rejected, merged: 0 };
}

/** The NGINX Plus status importer: detected by the keys of its first snapshot; takes no options. */
export const nginxStatusImporter: Importer<'nginx-status', undefined> = {
  id: 'nginx-status',
  names: { title: 'NGINX Plus status snapshots', phrase: 'NGINX Plus status snapshots', short: 'NGINX status' },
  extensions: ['.jsonl', '.ndjson', '.json', '.log'],
  detect: ({ text }) => (detectNginxStatus(text) ? CONFIDENCE.keys : null),
  requestField: null,
  options: z.undefined(),
  parse: ({ text }, _options, { limits }) => parseNginxStatus(text, { limits }),
};
