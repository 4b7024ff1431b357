import { DateTime, IANAZone } from 'luxon';
import * as rruleModule from 'rrule';
import type { Options, RRule as RRuleType, Weekday } from 'rrule';

// rrule's CommonJS entry is a UMD bundle whose names Node's ESM loader cannot see; bundlers read its ES build instead.
// Reflect.get keeps bundlers of the ES build from warning about a default export that build does not have.
const rrule = 'RRule' in rruleModule ? rruleModule : (Reflect.get(rruleModule, 'default') as typeof rruleModule);
const { RRule } = rrule;

const DAY_MS = 86_400_000;

/** An RRULE body read by our own strict grammar: rrule's options (without dtstart) and its UNTIL, if any. */
export type ParsedRule = {
  /** Upper case, no "RRULE:" prefix, parts in the order given. */
  value: string;
  options: Partial<Options>;
  /** UNTIL as written: a UTC instant ("…Z") or floating wall-clock fields encoded as UTC ms (a bare date: its end). */
  until: { ms: number; utc: boolean } | null;
};

const FREQUENCIES: Readonly<Record<string, number>> = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY };
const TOO_FINE: Readonly<Record<string, string>> = { HOURLY: 'hour', MINUTELY: 'minute', SECONDLY: 'second' };
const DAYS: Readonly<Record<string, Weekday>> = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };

/** Integer-list parts of RFC 5545 §3.3.10 with their ranges; `signed` ones count back from the end with negatives. */
const NUMBER_LISTS: Readonly<Record<string, { key: keyof Options; min: number; max: number; signed: boolean }>> = {
  BYMONTH: { key: 'bymonth', min: 1, max: 12, signed: false },
  BYMONTHDAY: { key: 'bymonthday', min: 1, max: 31, signed: true },
  BYYEARDAY: { key: 'byyearday', min: 1, max: 366, signed: true },
  BYWEEKNO: { key: 'byweekno', min: 1, max: 53, signed: true },
  BYSETPOS: { key: 'bysetpos', min: 1, max: 366, signed: true },
  BYHOUR: { key: 'byhour', min: 0, max: 23, signed: false },
  BYMINUTE: { key: 'byminute', min: 0, max: 59, signed: false },
  BYSECOND: { key: 'bysecond', min: 0, max: 59, signed: false },
};

const KNOWN_PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST', ...Object.keys(NUMBER_LISTS)];

function numberList(name: string, text: string): number[] | string {
  const spec = NUMBER_LISTS[name]!;
  const values: number[] = [];
  for (const item of text.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(item)) return `${name} takes whole numbers separated by commas, not "${text}"`;
    const n = Number(item);
    const size = Math.abs(n);
    if ((n < 0 || item.startsWith('+')) && !spec.signed) return `${name} takes numbers from ${spec.min} to ${spec.max}, not "${item}"`;
    if (size < spec.min || size > spec.max || (spec.signed && n === 0)) {
      return `${name} takes numbers from ${spec.min} to ${spec.max}${spec.signed ? ` (or −${spec.max} to −1 counting from the end)` : ''}, not "${item}"`;
    }
    values.push(n);
  }
  return values;
}

function positive(name: string, text: string): number | string {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) return `${name} must be a whole number of at least 1, not "${text}"`;
  return Number(text);
}

function until(text: string): ParsedRule['until'] | string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  const fields = m
    ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) }
    : null;
  const dt = fields ? DateTime.fromObject(fields, { zone: 'utc' }) : null;
  if (!m || !dt || !dt.isValid) return `UNTIL must be a date like 20271231 or a UTC time like 20271231T235959Z, not "${text}"`;
  // A bare date means "through that day": the rule runs until the day's last millisecond of wall-clock time.
  return m[4] === undefined ? { ms: dt.toMillis() + 86_399_999, utc: false } : { ms: dt.toMillis(), utc: m[7] === 'Z' };
}

/** Reads an RRULE body strictly (rrule's own parser lets typos through), or says what is wrong in plain words. */
export function parseRule(text: string): ParsedRule | string {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .trim()
    .toUpperCase();
  if (body === '') return 'The rule is empty: write one such as FREQ=WEEKLY;BYDAY=SU';
  if (/DTSTART|[\r\n]/.test(body)) return "Leave DTSTART out of the rule: the exclusion's start time is its DTSTART";
  const options: Partial<Options> = {};
  const seen = new Set<string>();
  const parts: string[] = [];
  let parsedUntil: ParsedRule['until'] = null;
  for (const raw of body.split(';')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!KNOWN_PARTS.includes(name))
      return part === ''
        ? 'The rule has an empty part (two ";" in a row?)'
        : `Unknown rule part "${name}": use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, …`;
    if (seen.has(name)) return `${name} appears twice in the rule`;
    if (value === '') return `${name} needs a value, e.g. ${name}=${name === 'FREQ' ? 'WEEKLY' : name === 'BYDAY' ? 'SU' : '1'}`;
    seen.add(name);
    parts.push(`${name}=${value}`);
    let problem: string | null = null;
    if (name === 'FREQ') {
      if (TOO_FINE[value]) problem = `Repeating every ${TOO_FINE[value]} is too fine for maintenance windows: use DAILY, WEEKLY, MONTHLY or YEARLY`;
      else if (FREQUENCIES[value] === undefined) problem = `FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not "${value}"`;
      else options.freq = FREQUENCIES[value]!;
    } else if (name === 'INTERVAL' || name === 'COUNT') {
      const n = positive(name, value);
      if (typeof n === 'string') problem = n;
      else options[name === 'INTERVAL' ? 'interval' : 'count'] = n;
    } else if (name === 'UNTIL') {
      const u = until(value);
      if (typeof u === 'string') problem = u;
      else parsedUntil = u;
    } else if (name === 'WKST') {
      if (!DAYS[value]) problem = `WKST must be a day such as MO, not "${value}"`;
      else options.wkst = DAYS[value]!;
    } else if (name === 'BYDAY') {
      const days: Weekday[] = [];
      for (const item of value.split(',')) {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
        const nth = m?.[1] === undefined ? 0 : Number(m[1]);
        if (!m || Math.abs(nth) > 53 || (m[1] !== undefined && nth === 0)) {
          problem = `BYDAY takes days such as SU, MO,WE or 1SU (first Sunday) and -1FR (last Friday), not "${item}"`;
          break;
        }
        days.push(nth === 0 ? DAYS[m[2]!]! : DAYS[m[2]!]!.nth(nth));
      }
      options.byweekday = days;
    } else {
      const list = numberList(name, value);
      if (typeof list === 'string') problem = list;
      else (options as Record<string, unknown>)[NUMBER_LISTS[name]!.key] = list;
    }
    if (problem) return problem;
  }
  if (options.freq === undefined) return 'The rule needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=SU';
  const combination = combinationProblem(options.freq, seen, body);
  if (combination) return combination;
  return { value: parts.join(';'), options, until: parsedUntil };
}

/** RFC 5545 §3.3.10 combinations rrule would silently misread. */
function combinationProblem(freq: number, seen: ReadonlySet<string>, body: string): string | null {
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'Use COUNT or UNTIL, not both';
  if (seen.has('BYWEEKNO') && freq !== RRule.YEARLY) return 'BYWEEKNO only works with FREQ=YEARLY';
  if (seen.has('BYYEARDAY') && freq !== RRule.YEARLY) return 'BYYEARDAY only works with FREQ=YEARLY';
  if (seen.has('BYMONTHDAY') && freq === RRule.WEEKLY) return 'BYMONTHDAY does not work with FREQ=WEEKLY: use BYDAY';
  if (/BYDAY=[^;]*\d/.test(body) && freq !== RRule.MONTHLY && freq !== RRule.YEARLY) return 'Numbered days such as 1SU need FREQ=MONTHLY or FREQ=YEARLY';
  if (/BYDAY=[^;]*\d/.test(body) && seen.has('BYWEEKNO')) return 'Numbered days such as 1SU cannot be combined with BYWEEKNO';
  return null;
}

// The parts rrule's toText puts into words. Its own isFullyConvertibleToText stops at FREQ and says yes to anything.
const WORDED_PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST'];
const WORDED_BY_FREQ: Readonly<Record<number, readonly string[]>> = { [RRule.DAILY]: ['BYHOUR'], [RRule.YEARLY]: ['BYWEEKNO', 'BYYEARDAY'] };

/** The rule in plain words (rrule's English text), marked as approximate where rrule cannot say all of it. */
export function describeRule(rule: ParsedRule): string {
  const text = new RRule({ ...rule.options, until: rule.until ? new Date(rule.until.ms) : null }, true).toText();
  const worded = [...WORDED_PARTS, ...(WORDED_BY_FREQ[rule.options.freq!] ?? [])];
  // rrule words a negative month day as "the last" with no noun, so those count as not fully worded.
  const whole = rule.value.split(';').every((part) => worded.includes(part.slice(0, part.indexOf('=')))) && !/BYMONTHDAY=[^;]*-/.test(rule.value);
  return whole ? text : `${text} (roughly: the full rule is ${rule.value})`;
}

/** A zone's UTC offset in minutes at an instant. */
export type ZoneOffset = (ms: number) => number;

// Every transition since 1973 happens on a whole minute (the last odd one, Monrovia's −0:44:30, ended in 1972).
const WHOLE_MINUTES_FROM_MS = Date.UTC(1973, 0, 1);

/**
 * A zone's offsets, remembered: luxon asks Intl for each one (tens of microseconds), far too slow for thousands of
 * occurrences. A UTC day whose two ends share an offset keeps it throughout (no zone changes twice within a day);
 * the few days with a change are answered per minute.
 */
export function zoneOffsets(timeZone: string): ZoneOffset {
  const zone = IANAZone.create(timeZone);
  const dayStarts = new Map<number, number>();
  const minutes = new Map<number, number>();
  const remembered = (cache: Map<number, number>, key: number, unitMs: number): number => {
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = zone.offset(key * unitMs);
      cache.set(key, offset);
    }
    return offset;
  };
  return (ms) => {
    if (!(ms >= WHOLE_MINUTES_FROM_MS)) return zone.offset(ms);
    const day = Math.floor(ms / DAY_MS);
    const offset = remembered(dayStarts, day, DAY_MS);
    return offset === remembered(dayStarts, day + 1, DAY_MS) ? offset : remembered(minutes, Math.floor(ms / 60_000), 60_000);
  };
}

/** Wall-clock time of an instant in a zone, written as if it were UTC: the "floating" time rrule expands in. */
export function toFloatingMs(ms: number, offset: ZoneOffset): number {
  return ms + offset(ms) * 60_000;
}

/**
 * The instant at which a zone's clocks show the wall-clock time of a floating time. A time skipped by a DST gap
 * moves forward by the gap (02:30 on a spring-forward night is 03:30); a time the clocks show twice on a fall-back
 * night is the first of the two, as cron would run it. (luxon's own choice for repeated times depends on the zone.)
 */
export function fromFloatingMs(floatingMs: number, offset: ZoneOffset): number {
  // Offsets change at most once within a day of any real instant, so the offsets a day either side are the only candidates.
  const offsetBefore = offset(floatingMs - DAY_MS);
  const offsetAfter = offset(floatingMs + DAY_MS);
  const before = floatingMs - offsetBefore * 60_000;
  if (offsetBefore === offsetAfter) return before;
  const after = floatingMs - offsetAfter * 60_000;
  const beforeFits = toFloatingMs(before, offset) === floatingMs;
  const afterFits = toFloatingMs(after, offset) === floatingMs;
  if (beforeFits && afterFits) return Math.min(before, after);
  if (afterFits) return after;
  // Either the old offset fits, or the time falls into a gap, where the old offset lands the gap's length later.
  return before;
}

/** An rrule iterator for a parsed rule starting at an instant, expanding in the zone's floating wall-clock time. */
export function floatingRule(rule: ParsedRule, startMs: number, offset: ZoneOffset): RRuleType {
  const untilMs = rule.until === null ? null : rule.until.utc ? toFloatingMs(rule.until.ms, offset) : rule.until.ms;
  return new RRule({ ...rule.options, dtstart: new Date(toFloatingMs(startMs, offset)), until: untilMs === null ? null : new Date(untilMs), tzid: null }, true);
}
