// Timestamps for the CSV importer (R24): RFC 3339 / ISO 8601 with Z or an offset; offset-less local times only in a
// chosen IANA zone, with DST gaps refused and DST folds flagged; Unix seconds or milliseconds only by explicit choice.
import { IANAZone } from 'luxon';
import { parseStrictNumber } from './numbers';

/** How the time column is written: ISO 8601 text, Unix seconds or Unix milliseconds. Never guessed. */
export type CsvTimeFormat = 'iso' | 'epoch-s' | 'epoch-ms';

/**
 * A parsed time in UTC ms, with `ambiguous` set when a local time fell in a DST fold (the earlier instant is used),
 * or a failure: BAD_TIME, NONEXISTENT_TIME (a DST gap) or NEEDS_TIME_ZONE (no offset and no zone).
 */
export type TimeResult = { ok: true; ms: number; ambiguous: boolean } | { ok: false; code: 'BAD_TIME' | 'NONEXISTENT_TIME' | 'NEEDS_TIME_ZONE'; message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
const MAX_MS = 8.64e15;
const DAY = 86_400_000;
const FOUR_CENTURIES = 146_097 * DAY;

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

/** A parser for one time column: the format, and the IANA zone for ISO times without an offset (undefined: refuse them). */
export function createTimeParser(format: CsvTimeFormat, timeZone?: string): (text: string) => TimeResult {
  if (format !== 'iso') {
    const scale = format === 'epoch-s' ? 1000 : 1;
    return (text) => {
      const x = parseStrictNumber(text);
      if (x === null) return bad(`"${text}" is not a number of ${format === 'epoch-s' ? 'seconds' : 'milliseconds'} since 1970`);
      const ms = Math.round(x * scale);
      return Math.abs(ms) <= MAX_MS ? { ok: true, ms, ambiguous: false } : bad(`${text} is outside the range of dates`);
    };
  }
  const zone = timeZone === undefined ? null : IANAZone.create(timeZone);
  const dayOffsets = new Map<number, [number, number]>();
  return (raw) => {
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
    let wall = Date.UTC(year, month - 1, day, hour, minute, second, milli);
    if (year < 100) wall = Date.UTC(year + 400, month - 1, day, hour, minute, second, milli) - FOUR_CENTURIES;
    if (m[8] !== undefined) {
      const offset = offsetMinutes(m[8]);
      if (Math.abs(offset) >= 24 * 60) return bad(`"${raw}" has an offset beyond ±24 hours`);
      return { ok: true, ms: wall - offset * 60_000, ambiguous: false };
    }
    if (zone === null) return { ok: false, code: 'NEEDS_TIME_ZONE', message: `"${raw}" has no offset; choose the time zone it was written in` };
    const dayKey = Math.floor(wall / DAY);
    let around = dayOffsets.get(dayKey);
    if (around === undefined) {
      around = [zone.offset(dayKey * DAY - 1.5 * DAY), zone.offset(dayKey * DAY + 2.5 * DAY)];
      dayOffsets.set(dayKey, around);
    }
    if (around[0] === around[1]) return { ok: true, ms: wall - around[0] * 60_000, ambiguous: false };
    const valid: number[] = [];
    for (const offset of around) {
      const candidate = wall - offset * 60_000;
      if (zone.offset(candidate) === offset && !valid.includes(candidate)) valid.push(candidate);
    }
    if (valid.length === 0) return { ok: false, code: 'NONEXISTENT_TIME', message: `${text} does not exist in ${timeZone} (the clocks skip it at a DST change)` };
    valid.sort((a, b) => a - b);
    return { ok: true, ms: valid[0]!, ambiguous: valid.length > 1 };
  };
}
