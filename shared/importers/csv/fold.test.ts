// Local times in a DST fold (the hour that happens twice when the clocks go back): rows in time order tell the two
// passes apart; where they cannot, the rows are refused, naming the hour and the zone.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../types';
import { parseCsv, type CsvMapping } from './parse';

const MAPPING: CsvMapping = { kind: 'good-total', time: 'time', good: 'good', total: 'total' };
const MINUTE = 60_000;
/** Berlin's clocks go back at 2027-10-31 01:00 UTC: 02:00–02:59 local happens at 00:00–00:59 UTC (CEST), then 01:00–01:59 UTC (CET). */
const FOLD_UTC = Date.UTC(2027, 9, 31, 1, 0);

/** The local wall time of an instant in a zone, written without an offset, as a logger in that zone would. */
function wall(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** A CSV of one row per instant, its local time written without offset, good = its index so each value can be traced. */
function file(instants: number[], zone: string): string {
  return ['time,good,total', ...instants.map((ms, i) => `${wall(ms, zone)},${i},${instants.length}`)].join('\n') + '\n';
}

function read(text: string, zone = 'Europe/Berlin'): ParseResult {
  return parseCsv(text, MAPPING, { timeFormat: 'iso', timeZone: zone });
}

const minutes = (from: number, count: number, stepMs = MINUTE): number[] => Array.from({ length: count }, (_, i) => from + i * stepMs);

describe('a DST fall-back hour written twice in local time', () => {
  it('keeps all 120 rows of a Berlin minute file of 2027-10-31 02:00–02:59 written twice, each at its own instant', () => {
    const instants = minutes(FOLD_UTC - 60 * MINUTE, 120);
    const text = file(instants, 'Europe/Berlin');
    expect(text.split('\n')[1]).toBe('2027-10-31T02:00:00,0,120');
    expect(text.split('\n')[61]).toBe('2027-10-31T02:00:00,60,120');
    const result = read(text);
    expect([result.accepted, result.rejected, result.merged]).toEqual([120, 0, 0]);
    const series = result.series[0]!;
    expect([...series.t]).toEqual(instants);
    // Each value is at its right instant: row i carries good = i.
    expect([...series.good]).toEqual(instants.map((_, i) => i));
    expect(series.stepMs).toBe(MINUTE);
  });

  it('says so in one summary warning naming the hour, the zone and both passes, not one warning per row', () => {
    const result = read(file(minutes(FOLD_UTC - 60 * MINUTE, 120), 'Europe/Berlin'));
    const folds = result.issues.filter((i) => i.code === 'AMBIGUOUS_TIME');
    expect(folds).toHaveLength(1);
    expect(folds[0]).toMatchObject({ severity: 'warning', line: 2, column: 1 });
    expect(folds[0]!.message).toBe(
      'Lines 2–121: the 120 rows at local times 2027-10-31 02:00 to 02:59 fall in the hour that happens twice in Europe/Berlin ' +
        'as DST ends; rows in file order were read as the first pass (UTC+02:00, lines 2–61) then the second pass (UTC+01:00, lines 62–121)',
    );
    expect(result.issues.filter((i) => i.code !== 'AMBIGUOUS_TIME')).toEqual([]);
  });

  it('reads the hours around the fold too: 01:00–03:59 local as 240 minutes in a row', () => {
    const instants = minutes(FOLD_UTC - 120 * MINUTE, 240);
    const result = read(file(instants, 'Europe/Berlin'));
    expect([result.accepted, result.rejected, result.merged]).toEqual([240, 0, 0]);
    expect([...result.series[0]!.t]).toEqual(instants);
  });

  it('tells the passes apart in hourly data, where 02:00 is written twice', () => {
    const instants = minutes(FOLD_UTC - 2 * 60 * MINUTE, 4, 60 * MINUTE);
    expect(
      file(instants, 'Europe/Berlin')
        .split('\n')
        .slice(1, 5)
        .map((l) => l.slice(11, 16)),
    ).toEqual(['01:00', '02:00', '02:00', '03:00']);
    const result = read(file(instants, 'Europe/Berlin'));
    expect([...result.series[0]!.t]).toEqual(instants);
    expect(result.merged).toBe(0);
  });

  it('resolves each fold of a file spanning two autumns on its own', () => {
    const fold2026 = Date.UTC(2026, 9, 25, 1, 0);
    const instants = [...minutes(fold2026 - 60 * MINUTE, 120, 5 * MINUTE), ...minutes(FOLD_UTC - 60 * MINUTE, 24, 5 * MINUTE)];
    const result = read(file(instants, 'Europe/Berlin'));
    expect([...result.series[0]!.t]).toEqual(instants);
    expect(result.issues.filter((i) => i.code === 'AMBIGUOUS_TIME').map((i) => i.message.split(' in the hour')[0])).toEqual([
      'Lines 2–25: the 24 rows at local times 2026-10-25 02:00 to 02:55 fall',
      'Lines 122–145: the 24 rows at local times 2027-10-31 02:00 to 02:55 fall',
    ]);
  });

  it('refuses the rows of a fold written once, naming the hour and the zone, and keeps the others', () => {
    // 01:58 and 01:59 CEST, 02:00–02:59 once, 03:00 CET: which pass the single hour is cannot be told.
    const text = [
      'time,good,total',
      '2027-10-31T01:58:00,1,1',
      '2027-10-31T01:59:00,1,1',
      ...minutes(0, 60).map((_, m) => `2027-10-31T02:${String(m).padStart(2, '0')}:00,1,1`),
      '2027-10-31T03:00:00,1,1',
    ].join('\n');
    const result = read(text);
    expect([result.accepted, result.rejected, result.merged]).toEqual([3, 60, 0]);
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'AMBIGUOUS_TIME', line: 4 });
    expect(errors[0]!.message).toBe(
      'Lines 4–63: the 60 rows at local times 2027-10-31 02:00 to 02:59 fall in the hour that happens twice in Europe/Berlin ' +
        'as DST ends (UTC+02:00, then UTC+01:00), and the file has each of them once, so which instant they are cannot be told; ' +
        'write them with an offset, e.g. 2027-10-31T02:00:00+02:00 or 2027-10-31T02:00:00+01:00',
    );
    expect([...result.series[0]!.t]).toEqual([Date.UTC(2027, 9, 30, 23, 58), Date.UTC(2027, 9, 30, 23, 59), Date.UTC(2027, 9, 31, 2, 0)]);
  });

  it('refuses a single row in the New York fold, and a file that ends inside a fold written once', () => {
    const ny = read('t,good,total\n2024-11-03 01:30,1,1\n'.replace('t,', 'time,'), 'America/New_York');
    expect([ny.accepted, ny.rejected]).toEqual([0, 1]);
    expect(ny.issues[0]).toMatchObject({ severity: 'error', code: 'AMBIGUOUS_TIME', line: 2, column: 1 });
    expect(ny.issues[0]!.message).toContain(
      'Line 2: the row at local time 2024-11-03 01:30 falls in the hour that happens twice in America/New_York as DST ends (UTC-04:00, then UTC-05:00)',
    );
  });

  it('gives every row its true instant, or refuses the fold rows when only one pass is in the file', () => {
    const zone = 'Europe/Berlin';
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 100 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(1, 5, 15, 20, 30, 60),
        (startMinute, count, stepMinutes) => {
          const instants = minutes(FOLD_UTC + startMinute * MINUTE, count, stepMinutes * MINUTE);
          const inFirst = instants.filter((ms) => ms >= FOLD_UTC - 60 * MINUTE && ms < FOLD_UTC);
          const inSecond = instants.filter((ms) => ms >= FOLD_UTC && ms < FOLD_UTC + 60 * MINUTE);
          const bothPasses = inFirst.length > 0 && inSecond.length > 0;
          const kept = bothPasses ? instants : instants.filter((ms) => !inFirst.includes(ms) && !inSecond.includes(ms));
          const result = read(file(instants, zone));
          expect(result.accepted + result.rejected + result.merged).toBe(count);
          expect(result.rejected).toBe(count - kept.length);
          expect([...(result.series[0]?.t ?? [])]).toEqual(kept);
        },
      ),
      { numRuns: 300, seed: 20_271_031 },
    );
  });
});
