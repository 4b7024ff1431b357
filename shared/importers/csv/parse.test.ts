import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../types';
import { detectCsv } from './detect';
import { medianStep } from '../../domain/step';
import { parseStrictNumber } from './numbers';
import { parseCsv, type CsvMapping } from './parse';

const GOOD_TOTAL: CsvMapping = { kind: 'good-total', time: 'timestamp', good: 'good', total: 'total' };
const ROWS = [
  ['timestamp', 'good', 'total'],
  ['2024-01-01T00:00:00Z', '95', '100'],
  ['2024-01-01T00:01:00Z', '99.5', '100'],
  ['2024-01-01T01:02:00+01:00', '0', '0'],
  ['2024-01-01T00:03:00Z', '1e2', '1E2'],
];

function columns(r: ParseResult) {
  const s = r.series[0]!;
  return { name: s.name, stepMs: s.stepMs, t: [...s.t], good: [...s.good], total: [...s.total] };
}

function errors(r: ParseResult) {
  return r.issues.map((i) => [i.code, i.line, i.column]);
}

describe('parseCsv: the R22 matrix', () => {
  const eols = { LF: ['\n'], CRLF: ['\r\n'], CR: ['\r'], mixed: ['\n', '\r\n', '\r', '\r\n'] };
  const expected = columns(parseCsv(ROWS.map((r) => r.join(',')).join('\n'), GOOD_TOTAL, { timeFormat: 'iso' }));
  for (const bom of ['', '\uFEFF']) {
    for (const [eolName, eol] of Object.entries(eols)) {
      for (const delimiter of [',', ';', '\t'] as const) {
        it(`${bom ? 'BOM' : 'no BOM'} × ${eolName} × ${JSON.stringify(delimiter)} gives the same series`, () => {
          const text = bom + ROWS.map((r, k) => r.join(delimiter) + (k < ROWS.length - 1 || k % 2 === 0 ? eol[k % eol.length] : '')).join('');
          const detected = detectCsv(text);
          expect(detected).toMatchObject({ delimiter, hasHeader: true, headers: ['timestamp', 'good', 'total'], roles: ['time', 'good', 'total'], issues: [] });
          expect(detected.preview).toEqual(ROWS.slice(1));
          const result = parseCsv(text, GOOD_TOTAL, { timeFormat: 'iso' });
          expect(result.issues).toEqual([]);
          expect(columns(result)).toEqual(expected);
        });
      }
    }
  }

  it('is the series the rows say, sorted, with its median step', () => {
    expect(expected).toEqual({
      name: 'good',
      stepMs: 60_000,
      t: [0, 1, 2, 3].map((m) => Date.UTC(2024, 0, 1, 0, m)),
      good: [95, 99.5, 0, 100],
      total: [100, 100, 0, 100],
    });
  });
});

describe('parseCsv: located errors', () => {
  it('names the line and column of a ragged row, a bad number and good above total, and reads the other rows', () => {
    const text =
      'time,good,total\n2024-01-01T00:00:00Z,1,2\n2024-01-01T00:01:00Z,2,2\n2024-01-01T00:02:00Z,3\n2024-01-01T00:03:00Z,1x,2\n2024-01-01T00:04:00Z,5,4\n2024-01-01T00:05:00Z,-1,4\n2024-01-01T00:06:00Z,NaN,4\n2024-01-01T00:07:00Z,1,Infinity\n2024-01-01T00:08:00Z,1,2\n';
    const result = parseCsv(text, { kind: 'good-total', time: 0, good: 1, total: 2 }, { timeFormat: 'iso' });
    expect(errors(result)).toEqual([
      ['RAGGED_ROW', 4, undefined],
      ['BAD_NUMBER', 5, 2],
      ['GOOD_ABOVE_TOTAL', 6, 2],
      ['NEGATIVE_COUNT', 7, 2],
      ['BAD_NUMBER', 8, 2],
      ['BAD_NUMBER', 9, 3],
      ['GAP', 10, undefined],
    ]);
    expect(result.issues.every((i) => (i.code === 'GAP' ? i.severity === 'warning' : i.severity === 'error'))).toBe(true);
    expect(result).toMatchObject({ accepted: 3, rejected: 6 });
  });

  it('rejects ratios outside [0, 1] and bad above total, and reads ratios with or without a total', () => {
    const text = 't;r;n;bad\n0;0.5;10;1\n60;1.5;10;11\n120;1;4;0\n';
    const withTotal = parseCsv(text, { kind: 'ratio', time: 't', ratio: 'r', total: 'n' }, { timeFormat: 'epoch-s' });
    expect(errors(withTotal)).toEqual([['RATIO_OUT_OF_RANGE', 3, 2]]);
    expect(columns(withTotal)).toMatchObject({ name: 'r', good: [5, 4], total: [10, 4] });
    expect(columns(parseCsv(text, { kind: 'ratio', time: 't', ratio: 'r' }, { timeFormat: 'epoch-s' }))).toMatchObject({ good: [0.5, 1], total: [1, 1] });
    const bad = parseCsv(text, { kind: 'bad-total', time: 't', bad: 'bad', total: 'n' }, { timeFormat: 'epoch-s' });
    expect(errors(bad)).toEqual([['BAD_ABOVE_TOTAL', 3, 4]]);
    expect(columns(bad)).toMatchObject({ good: [9, 4], total: [10, 4] });
  });

  it('refuses missing, empty and duplicate columns before reading any row', () => {
    expect(errors(parseCsv('t,good\n0,1\n', GOOD_TOTAL, { timeFormat: 'epoch-s' }))).toEqual([
      ['MISSING_COLUMN', undefined, undefined],
      ['MISSING_COLUMN', undefined, undefined],
    ]);
    expect(parseCsv('when,good,total\n0,1,1\n', GOOD_TOTAL, { timeFormat: 'epoch-s' }).issues.map((i) => i.message)).toEqual([
      `The time column "${String(GOOD_TOTAL.time)}" is not in the header; the columns are "when", "good", "total"`,
    ]);
    expect(errors(parseCsv('timestamp,good,Good,\n0,1,1,1\n', { kind: 'good-total', time: 0, good: 1, total: 2 }, { timeFormat: 'epoch-s' }))).toEqual([
      ['DUPLICATE_HEADER', 1, 3],
      ['EMPTY_HEADER', 1, 4],
    ]);
    expect(parseCsv('', GOOD_TOTAL, { timeFormat: 'iso' }).issues[0]!.code).toBe('EMPTY_FILE');
  });
});

describe('parseCsv: time', () => {
  const local = 'when,good,total\n2024-03-30 12:00:00,1,1\n2024-03-31 01:30,1,1\n2024-03-31T02:30:00,1,1\n2024-10-27 02:30,1,1\n2024-10-27 03:30,1,1\n';
  const mapping: CsvMapping = { kind: 'good-total', time: 'when', good: 'good', total: 'total' };

  it('refuses offset-less times without a zone, naming the first such line', () => {
    const result = parseCsv('when,good,total\n2024-03-30T12:00:00Z,1,1\n' + local.split('\n').slice(1).join('\n'), mapping, { timeFormat: 'iso' });
    expect(result).toMatchObject({ series: [], accepted: 0, issues: [{ code: 'TIME_ZONE_REQUIRED', line: 3, column: 1 }] });
    expect(result.issues[0]!.message).toContain('2024-03-30 12:00:00');
  });

  it('reads them in the chosen zone, refuses the DST gap and a fold time written once (which instant it is cannot be told)', () => {
    const result = parseCsv(local, mapping, { timeFormat: 'iso', timeZone: 'Europe/Berlin' });
    expect(errors(result).filter(([code]) => code !== 'GAP')).toEqual([
      ['NONEXISTENT_TIME', 4, 1],
      ['AMBIGUOUS_TIME', 5, 1],
    ]);
    expect(result.issues.find((i) => i.code === 'AMBIGUOUS_TIME')!.severity).toBe('error');
    expect([...result.series[0]!.t]).toEqual([Date.UTC(2024, 2, 30, 11, 0), Date.UTC(2024, 2, 31, 0, 30), Date.UTC(2024, 9, 27, 2, 30)]);
    expect(result.rejected).toBe(2);
  });

  it('refuses a lone time in the New York fold and reads fixed-offset and half-hour zones', () => {
    const ny = parseCsv(
      't,g,n\n2024-11-03 01:30,1,1\n',
      { kind: 'good-total', time: 0, good: 1, total: 2 },
      { timeFormat: 'iso', timeZone: 'America/New_York' },
    );
    expect(errors(ny)).toEqual([['AMBIGUOUS_TIME', 2, 1]]);
    expect([ny.accepted, ny.rejected, ny.series[0]!.t.length]).toEqual([0, 1, 0]);
    const both = parseCsv(
      't,g,n\n2024-11-03 01:30,1,1\n2024-11-03 01:30,1,1\n',
      { kind: 'good-total', time: 0, good: 1, total: 2 },
      { timeFormat: 'iso', timeZone: 'America/New_York' },
    );
    expect([...both.series[0]!.t]).toEqual([Date.UTC(2024, 10, 3, 5, 30), Date.UTC(2024, 10, 3, 6, 30)]);
    const ktm = parseCsv(
      't,g,n\n2024-06-01 05:45,1,1\n',
      { kind: 'good-total', time: 0, good: 1, total: 2 },
      { timeFormat: 'iso', timeZone: 'Asia/Kathmandu' },
    );
    expect(ktm.series[0]!.t[0]).toBe(Date.UTC(2024, 5, 1, 0, 0));
    expect(
      parseCsv('t,g,n\n0,1,1\n', { kind: 'good-total', time: 0, good: 1, total: 2 }, { timeFormat: 'iso', timeZone: 'Mars/Olympus' }).issues[0]!.code,
    ).toBe('UNKNOWN_TIME_ZONE');
  });

  it('refuses times outside 1970–2200 row by row, naming the line, the time and the span', () => {
    const text = 'when,good,total\n0000-01-01T00:00:00Z,1,1\n2024-01-01T00:00:00Z,1,1\n2200-01-01T00:00:00Z,1,1\n';
    const result = parseCsv(text, mapping, { timeFormat: 'iso' });
    expect([result.accepted, result.rejected]).toEqual([1, 2]);
    expect(result.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      [
        'TIME_OUT_OF_RANGE',
        2,
        'Line 2, column 1: the time 0000-01-01T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      ],
      [
        'TIME_OUT_OF_RANGE',
        4,
        'Line 4, column 1: the time 2200-01-01T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      ],
    ]);
    const epoch = parseCsv('when,good,total\n1000000000000000,1,1\n', mapping, { timeFormat: 'epoch-s' });
    expect(epoch.issues.map((i) => i.code)).toEqual(['BAD_TIME']);
    const late = parseCsv('when,good,total\n8000000000,1,1\n', mapping, { timeFormat: 'epoch-s' });
    expect(late.issues[0]!.message).toBe(
      'Line 2, column 1: the time 2223-07-06T14:13:20.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
    );
  });

  it('reads epoch seconds or milliseconds only as told, never guessed from magnitude', () => {
    const text = 't,g,n\n1700000000,1,1\n1700000060.5,1,1\n';
    const map: CsvMapping = { kind: 'good-total', time: 't', good: 'g', total: 'n' };
    expect([...parseCsv(text, map, { timeFormat: 'epoch-s' }).series[0]!.t]).toEqual([1_700_000_000_000, 1_700_000_060_500]);
    expect([...parseCsv(text, map, { timeFormat: 'epoch-ms' }).series[0]!.t]).toEqual([1_700_000_000, 1_700_000_061]);
    expect(errors(parseCsv('t,g,n\n2024-01-01T00:00:00Z,1,1\n', map, { timeFormat: 'epoch-ms' }))).toEqual([['BAD_TIME', 2, 1]]);
    expect(errors(parseCsv('t,g,n\n1700000000,1,1\n2024-02-30T00:00Z,1,1\n', map, { timeFormat: 'iso' }))).toEqual([
      ['BAD_TIME', 2, 1],
      ['BAD_TIME', 3, 1],
    ]);
  });
});

describe('parseCsv: normalisation', () => {
  it('sorts out-of-order rows, keeps the last of duplicates and reports both, and reports gaps', () => {
    const text = 't,g,n\n0,1,1\n120,1,2\n60,1,3\n120,1,4\n180,1,5\n240,1,6\n1200,1,7\n';
    const result = parseCsv(text, { kind: 'good-total', time: 't', good: 'g', total: 'n' }, { timeFormat: 'epoch-s' });
    expect(errors(result)).toEqual([
      ['OUT_OF_ORDER', 4, undefined],
      ['DUPLICATE_TIMESTAMP', 5, undefined],
      ['GAP', 8, undefined],
    ]);
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(result.issues[1]!.message).toContain('Lines 3 and 5');
    expect(result.issues[2]!.message).toMatch(/^1 gaps .* 16 minutes/);
    expect(columns(result)).toMatchObject({ t: [0, 60_000, 120_000, 180_000, 240_000, 1_200_000], total: [1, 3, 4, 5, 6, 7], stepMs: 60_000 });
  });
});

describe('medianStep', () => {
  it('is the median of the steps, with or without a step shared by most samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), (choices) => {
        const steps = choices.map((c) => (c < 3 ? 60 : c * 100));
        const t = new Float64Array(steps.length + 1);
        steps.forEach((s, i) => {
          t[i + 1] = t[i]! + s;
        });
        const sorted = [...steps].sort((a, b) => a - b);
        expect(medianStep(t)).toBe(sorted[Math.floor((sorted.length - 1) / 2)]);
      }),
      { seed: 99, numRuns: 300 },
    );
    expect(medianStep(new Float64Array([5]))).toBeNull();
  });
});

describe('parseCsv: property (R22) — parse(serialize(rows)) gives the rows back with any per-line EOL mix', () => {
  const quoteIfNeeded = (s: string, d: string) => (/["\r\n]/.test(s) || s.includes(d) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
  it('round-trips through the scanner and the value mapping', () => {
    const row = fc.record({
      t: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      v: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      label: fc.string({ maxLength: 12 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 40, selector: (r) => r.t }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (rows, d, eols, bom) => {
          const lines = [['ts', 'value', 'label'], ...rows.map((r) => [String(r.t), String(r.v), r.label])];
          const text = (bom ? '\uFEFF' : '') + lines.map((l, k) => l.map((f) => quoteIfNeeded(f, d)).join(d) + eols[k % eols.length]).join('');
          const result = parseCsv(
            text,
            { kind: 'value-threshold', time: 'ts', value: 'value', threshold: 0, direction: 'above' },
            { timeFormat: 'epoch-ms', delimiter: d, hasHeader: true },
          );
          const sorted = [...rows].sort((a, b) => a.t - b.t);
          expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect([...result.series[0]!.t]).toEqual(sorted.map((r) => r.t));
          expect([...result.series[0]!.good]).toEqual(sorted.map((r) => (r.v >= 0 ? 1 : 0)));
          const detected = detectCsv(text, 50);
          expect(detected.preview).toEqual(rows.map((r) => [String(r.t), String(r.v), r.label]));
          expect(detected.preview.map((p) => parseStrictNumber(p[1]!))).toEqual(rows.map((r) => (r.v === 0 ? 0 : r.v)));
        },
      ),
      { seed: 2022, numRuns: 300 },
    );
  });
});
