// Timestamps for the CSV importer (R24): RFC 3339 / ISO 8601 with Z or an offset; offset-less local times only in a
// chosen IANA zone, with DST gaps refused and DST folds flagged; Unix seconds or milliseconds only by explicit choice.
import { IANAZone } from 'luxon';
import { parseStrictNumber, parseStrictSpan } from './numbers';

/** How the time column is written: ISO 8601 text, Unix seconds or Unix milliseconds. Never guessed. */
export type CsvTimeFormat = 'iso' | 'epoch-s' | 'epoch-ms';

/**
 * A parsed time in UTC ms, with `ambiguous` set when a local time fell in a DST fold: then `ms` is the earlier instant,
 * `laterMs` the later one and `wallMs` the wall-clock time itself (as if it were UTC), for the caller to choose between
 * them from the rows around it. Or a failure: BAD_TIME, NONEXISTENT_TIME (a DST gap) or NEEDS_TIME_ZONE (no offset, no zone).
 */
export type TimeResult =
  | { ok: true; ms: number; ambiguous: false }
  | { ok: true; ms: number; ambiguous: true; laterMs: number; wallMs: number }
  | { ok: false; code: 'BAD_TIME' | 'NONEXISTENT_TIME' | 'NEEDS_TIME_ZONE'; message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
const MAX_MS = 8.64e15;
const DAY = 86_400_000;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function offsetMinutes(spec: string): number {
  if (spec === 'Z' || spec === 'z') return 0;
  const sign = spec[0] === '-' ? -1 : 1;
  const digits = spec.slice(1).replace(':', '');
  return sign * (parseInt(digits.slice(0, 2), 10) * 60 + (digits.length > 2 ? parseInt(digits.slice(2, 4), 10) : 0));
}

const bad = (message: string): TimeResult => ({ ok: false, code: 'BAD_TIME', message });

/** Days from 1970-01-01 to a proleptic Gregorian date (valid for every year 0–9999, so no Date.UTC two-digit-year quirk). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const at = (text: string, i: number): number => text.charCodeAt(i) - 48;
// Negative exactly when some digit value is outside 0–9: one branch for a whole group of digits.
const notDigits = (a: number, b: number, c: number, d: number): number => a | b | c | d | (9 - a) | (9 - b) | (9 - c) | (9 - d);

/**
 * A reader of ISO times in place: text[start, end) as YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)fraction]][Z|z|±HH[[:]MM]]
 * with valid field ranges gives UTC ms; a time without an offset goes through `local` (wall-clock ms to UTC ms, or
 * NaN), or is NaN when there is none. Anything else (spaces, date-only, out-of-range fields) is NaN, which the full
 * parser then reports. Every index read lies inside the span. The last date's day number is kept, since consecutive
 * rows nearly always share a date.
 */
function isoSpanReader(local: ((wallMs: number) => number) | null): (text: string, start: number, end: number) => number {
  let lastDate = -1;
  let lastDays = 0;
  return (text, start, end) => {
    if (end - start < 16 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45 || text.charCodeAt(start + 13) !== 58) return NaN;
    const sep = text.charCodeAt(start + 10);
    if (sep !== 84 && sep !== 116 && sep !== 32) return NaN;
    const y0 = at(text, start),
      y1 = at(text, start + 1),
      y2 = at(text, start + 2),
      y3 = at(text, start + 3);
    const mo0 = at(text, start + 5),
      mo1 = at(text, start + 6),
      d0 = at(text, start + 8),
      d1 = at(text, start + 9);
    const h0 = at(text, start + 11),
      h1 = at(text, start + 12),
      mi0 = at(text, start + 14),
      mi1 = at(text, start + 15);
    if ((notDigits(y0, y1, y2, y3) | notDigits(mo0, mo1, d0, d1) | notDigits(h0, h1, mi0, mi1)) < 0) return NaN;
    const hour = h0 * 10 + h1;
    const minute = mi0 * 10 + mi1;
    if (hour > 23 || minute > 59) return NaN;
    const date = (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 10_000 + (mo0 * 10 + mo1) * 100 + d0 * 10 + d1;
    if (date !== lastDate) {
      const year = Math.floor(date / 10_000);
      const month = Math.floor(date / 100) % 100;
      const day = date % 100;
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
      lastDate = date;
      lastDays = daysFromCivil(year, month, day);
    }
    let i = start + 16;
    let second = 0;
    let milli = 0;
    if (i < end && text.charCodeAt(i) === 58) {
      if (end - i < 3) return NaN;
      const s0 = at(text, i + 1),
        s1 = at(text, i + 2);
      if (notDigits(s0, s1, 0, 0) < 0) return NaN;
      second = s0 * 10 + s1;
      if (second > 59) return NaN;
      i += 3;
      const c = text.charCodeAt(i);
      if (i < end && (c === 46 || c === 44)) {
        const from = ++i;
        // Milliseconds are the first three digits (padded); up to nine are allowed, the rest truncated.
        for (let x = at(text, i); i < end && i - from < 9 && x >= 0 && x <= 9; x = at(text, ++i)) {
          if (i - from < 3) milli = milli * 10 + x;
        }
        const read = i - from;
        if (read === 0) return NaN;
        if (read === 1) milli *= 100;
        else if (read === 2) milli *= 10;
      }
    }
    const wall = lastDays * DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli;
    const rest = end - i;
    if (rest === 0) return local === null ? NaN : local(wall);
    const c = text.charCodeAt(i);
    if (rest === 1 && (c === 90 || c === 122)) return wall;
    if ((c !== 43 && c !== 45) || !(rest === 3 || rest === 5 || (rest === 6 && text.charCodeAt(i + 3) === 58))) return NaN;
    const oh0 = at(text, i + 1),
      oh1 = at(text, i + 2);
    const om0 = rest === 3 ? 0 : at(text, end - 2),
      om1 = rest === 3 ? 0 : at(text, end - 1);
    if (notDigits(oh0, oh1, om0, om1) < 0) return NaN;
    const offset = (oh0 * 10 + oh1) * 60 + om0 * 10 + om1;
    if (offset >= 24 * 60) return NaN;
    return wall - (c === 45 ? -offset : offset) * 60_000;
  };
}

/** Parsers for one time column: the full one with reasons, and an in-place fast path for the usual forms. */
export type TimeParser = {
  /** The time a text spells, or why it is not one. */
  parse: (text: string) => TimeResult;
  /**
   * UTC ms of text[start, end) when it is an unambiguous time in the usual forms, read without copying; NaN otherwise,
   * and then `parse` gives the answer (an error, a DST gap or fold, surrounding spaces).
   */
  span: (text: string, start: number, end: number) => number;
};

/** A parser for one time column: the format, and the IANA zone for ISO times without an offset (undefined: refuse them). */
export function createTimeParser(format: CsvTimeFormat, timeZone?: string): TimeParser {
  if (format !== 'iso') {
    const scale = format === 'epoch-s' ? 1000 : 1;
    const parse = (text: string): TimeResult => {
      const x = parseStrictNumber(text);
      if (x === null) return bad(`"${text}" is not a number of ${format === 'epoch-s' ? 'seconds' : 'milliseconds'} since 1970`);
      const ms = Math.round(x * scale);
      return Math.abs(ms) <= MAX_MS ? { ok: true, ms, ambiguous: false } : bad(`${text} is outside the range of dates`);
    };
    const span = (text: string, start: number, end: number): number => {
      const ms = Math.round((parseStrictSpan(text, start, end) ?? NaN) * scale);
      return Math.abs(ms) <= MAX_MS ? ms : NaN;
    };
    return { parse, span };
  }
  const zone = timeZone === undefined ? null : IANAZone.create(timeZone);
  // The zone's offsets 1.5 days before and 2.5 days after each local day: equal means no DST change near that day.
  const dayOffsets = new Map<number, [number, number]>();
  const around = (wall: number): [number, number] => {
    const dayKey = Math.floor(wall / DAY);
    let pair = dayOffsets.get(dayKey);
    if (pair === undefined) {
      pair = [zone!.offset(dayKey * DAY - 1.5 * DAY), zone!.offset(dayKey * DAY + 2.5 * DAY)];
      dayOffsets.set(dayKey, pair);
    }
    return pair;
  };
  // Consecutive rows usually share a local day, so the last day's offset is kept beside the map.
  let lastDay = NaN;
  let lastOffset = 0;
  const local =
    zone === null
      ? null
      : (wall: number): number => {
          const dayKey = Math.floor(wall / DAY);
          if (dayKey !== lastDay) {
            const pair = around(wall);
            // A DST change near this day: the full parser decides between the offsets.
            if (pair[0] !== pair[1]) return NaN;
            lastDay = dayKey;
            lastOffset = pair[0];
          }
          return wall - lastOffset * 60_000;
        };
  const span = isoSpanReader(local);
  const parse = (raw: string): TimeResult => {
    const text = raw.trim();
    const m = ISO.exec(text);
    if (m === null) return bad(`"${raw}" is not an ISO 8601 time such as 2024-03-31T02:30:00Z`);
    const year = parseInt(m[1]!, 10);
    const month = parseInt(m[2]!, 10);
    const day = parseInt(m[3]!, 10);
    const hour = m[4] === undefined ? 0 : parseInt(m[4], 10);
    const minute = m[5] === undefined ? 0 : parseInt(m[5], 10);
    const second = m[6] === undefined ? 0 : parseInt(m[6], 10);
    const milli = m[7] === undefined ? 0 : parseInt(m[7].padEnd(3, '0').slice(0, 3), 10);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
      return bad(`"${raw}" is not a valid date and time`);
    }
    const wallMs = daysFromCivil(year, month, day) * DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli;
    if (m[8] !== undefined) {
      const offset = offsetMinutes(m[8]);
      if (Math.abs(offset) >= 24 * 60) return bad(`"${raw}" has an offset beyond ±24 hours`);
      return { ok: true, ms: wallMs - offset * 60_000, ambiguous: false };
    }
    if (zone === null) return { ok: false, code: 'NEEDS_TIME_ZONE', message: `"${raw}" has no offset; choose the time zone it was written in` };
    const pair = around(wallMs);
    if (pair[0] === pair[1]) return { ok: true, ms: wallMs - pair[0] * 60_000, ambiguous: false };
    const valid: number[] = [];
    for (const offset of pair) {
      const candidate = wallMs - offset * 60_000;
      if (zone.offset(candidate) === offset && !valid.includes(candidate)) valid.push(candidate);
    }
    if (valid.length === 0)
      return { ok: false, code: 'NONEXISTENT_TIME', message: `${text} does not exist in ${timeZone} (the clocks skip it at a DST change)` };
    valid.sort((a, b) => a - b);
    return valid.length > 1 ? { ok: true, ms: valid[0]!, ambiguous: true, laterMs: valid[1]!, wallMs } : { ok: true, ms: valid[0]!, ambiguous: false };
  };
  return { parse, span };
}
