import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseHistory } from '../analysis/history';
import { DEFAULT_LIMITS } from './types';
import { checkWindowsAgainstMinutes, downtime, perMinute } from './test/upptime-oracle';
import { detectUpptime, MAX_SAMPLE_MINUTES, parseUpptime } from './upptime';
import { NO_SLI_DETAILS } from '../domain/types';

const EVENTS = new URL('../../fixtures/histories/upptime-events.csv', import.meta.url);
const RUNS = { numRuns: 200, seed: 20_260_120 };

const MINUTE = 60_000;

describe('Upptime importer', () => {
  const text = readFileSync(EVENTS, 'utf8');
  const result = parseUpptime(text);
  const bySlug = new Map(result.series.map((series) => [series.name, series]));

  it('reads every event of the fixture into one series per slug, each sample at most an hour of minutes all up or all down', () => {
    expect(detectUpptime(text)).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.accepted).toBe(text.trim().split('\n').length - 1);
    expect([...bySlug.keys()].sort()).toEqual(['catalogue', 'letters-archive', 'search']);
    let broken = 0;
    for (const series of result.series) {
      series.t.forEach((t, i) => {
        const minutes = series.total[i]!;
        const ok =
          minutes >= 1 &&
          minutes <= MAX_SAMPLE_MINUTES &&
          // Each sample counts the minutes since the previous one, none crosses a full UTC hour, all up or all down.
          (i === 0 || t - series.t[i - 1]! === minutes * MINUTE) &&
          Math.floor((t - MINUTE) / 3_600_000) === Math.floor((t - minutes * MINUTE) / 3_600_000) &&
          (series.good[i] === 0 || series.good[i] === minutes);
        if (!ok) broken++;
      });
    }
    expect(broken).toBe(0);
    // An hour is the usual step of a monitor observed for long.
    expect(new Set(result.series.map((s) => s.stepMs))).toEqual(new Set([3_600_000]));
  });

  it("counts each monitor's outages in minutes from the down event's nearest minute to the up event's", () => {
    // letters-archive: 03:12:40 → 15:40:05 is 03:13 → 15:40 (747 minutes), 22:50:31 → 23:15:02 is 22:51 → 23:15 (24).
    // catalogue: 07:03:29 → 07:10:44 is 07:03 → 07:11 (8); its "degraded" check counts as up.
    // search: 01:00:29 → 01:40:31 is 01:00 → 01:41 (41), 12:04:59 → 14:00:00 is 12:05 → 14:00 (115).
    expect(['letters-archive', 'catalogue', 'search'].map((slug) => [slug, downtime(bySlug.get(slug))])).toEqual([
      ['letters-archive', { minutes: 747 + 24, outages: 2 }],
      ['catalogue', { minutes: 8, outages: 1 }],
      ['search', { minutes: 41 + 115, outages: 2 }],
    ]);
    expect(downtime(parseUpptime(text, { degraded: 'down' }).series.find((s) => s.name === 'catalogue')).outages).toBe(2);
  });

  it('reports bad rows with their line and column and keeps reading, and stops at a quote left open', () => {
    const bad = [
      'check_time_utc,slug,status',
      '2026-01-20T21:28:38.574Z,a,down',
      '2026-01-20 21:30:00,a,up',
      '2026-01-20T21:31:00Z,a,sideways',
      '2026-01-20T21:32:00Z,a',
      '2026-01-20T21:33:10Z,a,up',
      '2026-01-20T21:34:00Z,"a,up',
      '2026-01-20T21:35:00Z,a,down',
    ].join('\n');
    const parsed = parseUpptime(bad);
    expect(parsed.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['BAD_TIMESTAMP', 3, 1],
      ['BAD_STATUS', 4, 3],
      ['RAGGED_ROW', 5, undefined],
      ['UNTERMINATED_QUOTE', 7, 22],
    ]);
    expect(parsed.accepted).toBe(2);
    expect(parsed.rejected).toBe(4);
    // Down from 21:29 (21:28:38 rounded) to 21:32, up at 21:33: one sample per run of minutes.
    const series = parsed.series[0]!;
    expect([[...series.t], [...series.good], [...series.total]]).toEqual([
      [Date.UTC(2026, 0, 20, 21, 32), Date.UTC(2026, 0, 20, 21, 33)],
      [0, 1],
      [4, 1],
    ]);
    expect(parseUpptime('time,slug\n').issues[0]!.code).toBe('MISSING_COLUMN');
  });

  it('refuses events outside 1970–2200 row by row, naming the line and the span, so 1900–9999 never gets to allocate', () => {
    const parsed = parseUpptime('check_time_utc,slug,status\n1900-01-01T00:00:00Z,a,up\n9999-12-31T00:00:00Z,a,down\n');
    expect(parsed.issues).toEqual(
      [1900, 9999].map((year, i) => ({
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: i + 2,
        column: 1,
        message: `the time ${year}-${year === 1900 ? '01-01' : '12-31'}T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)`,
      })),
    );
    expect([parsed.accepted, parsed.rejected, parsed.series]).toEqual([0, 2, []]);
  });

  it('refuses an event that takes effect at 2200-01-01, the first time refused, though written a few seconds before', () => {
    const parsed = parseUpptime('check_time_utc,slug,status\n2199-12-31T23:58:00Z,a,up\n2199-12-31T23:59:40Z,a,down\n');
    expect(parsed.issues).toEqual([
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 3,
        column: 1,
        message:
          'the event of 2199-12-31T23:59:40.000Z takes effect at its nearest minute, 2200-01-01T00:00:00.000Z, outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      },
    ]);
    expect([parsed.accepted, parsed.rejected]).toEqual([1, 1]);
  });

  it('counts the samples a history will take before making them, and refuses more than the points limit, saying so', () => {
    // Up from 1970-01-01 00:00 to 1970-01-02 00:00: minutes 0..1440, one sample per full hour and one at the end: 25.
    const day = 'check_time_utc,slug,status\n1970-01-01T00:00:00Z,a,up\n1970-01-02T00:00:00Z,a,up\n';
    expect(parseUpptime(day, { limits: { ...DEFAULT_LIMITS, maxRows: 25 } }).series[0]!.t.length).toBe(25);
    expect(parseUpptime(day, { limits: { ...DEFAULT_LIMITS, maxRows: 24 } })).toMatchObject({
      series: [],
      issues: [
        {
          severity: 'error',
          code: 'TOO_MANY_POINTS',
          message:
            'The history would take 25 samples (monitor "a" alone 25, from 1970-01-01 to 1970-01-02), more than the limit of 24 points per import; import a shorter span or fewer monitors',
        },
      ],
    });
    // A span of 230 years in three lines is counted, not built: 2,016,001 samples are refused at once under a 1M limit.
    const centuries = 'check_time_utc,slug,status\n1970-01-01T00:00:00Z,a,up\n2199-12-31T00:00:00Z,a,down\n';
    const refused = parseUpptime(centuries, { limits: { ...DEFAULT_LIMITS, maxRows: 1_000_000 } });
    expect(refused.issues.map((i) => i.code)).toEqual(['TOO_MANY_POINTS']);
    expect(refused.issues[0]!.message).toContain('more than the limit of 1000000 points per import');
  });

  it('reads quoted fields, with delimiters and doubled quotes inside, and CRLF line endings', () => {
    const csv = 'check_time_utc,site_name,slug,status\r\n2026-01-20T21:28:00Z,"Editions, ""Bern""",bern,up\r\n2026-01-20T21:30:00Z,"x",bern,down\r\n';
    const parsed = parseUpptime(csv);
    expect(detectUpptime(csv)).toBe(true);
    expect(parsed.issues).toEqual([]);
    expect(parsed.series.map((s) => [s.name, [...s.good], [...s.total]])).toEqual([['bern', [2, 0], [2, 1]]]);
  });

  const history = fc.array(fc.record({ gapMinutes: fc.integer({ min: 0, max: 500 }), gapSeconds: fc.integer({ min: 0, max: 59 }), up: fc.boolean() }), {
    minLength: 1,
    maxLength: 40,
  });
  /** Events from gaps (the first from 2026-01-01 plus a random offset within the hour), as a CSV and as times. */
  function events(steps: { gapMinutes: number; gapSeconds: number; up: boolean }[]): { rows: { time: number; up: boolean }[]; csv: string } {
    let time = Date.UTC(2026, 0, 1);
    const rows = steps.map(({ gapMinutes, gapSeconds, up }) => {
      time += gapMinutes * 60_000 + gapSeconds * 1000;
      return { time, up };
    });
    return { rows, csv: ['check_time_utc,slug,status', ...rows.map((r) => `${new Date(r.time).toISOString()},m,${r.up ? 'up' : 'down'}`)].join('\n') };
  }

  it('has exactly as many down minutes as the rounded down intervals of random histories', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const { rows, csv } = events(steps);
        const series = parseUpptime(csv).series[0]!;
        let expected = 0;
        rows.forEach((row, i) => {
          if (!row.up && i + 1 < rows.length) expected += Math.round(rows[i + 1]!.time / 60_000) - Math.round(row.time / 60_000);
        });
        if (!rows[rows.length - 1]!.up) expected += 1;
        expect(downtime(series).minutes).toBe(expected);
        expect(series.total.reduce((a, b) => a + b, 0)).toBe(Math.round(rows[rows.length - 1]!.time / 60_000) - Math.round(rows[0]!.time / 60_000) + 1);
      }),
      RUNS,
    );
  });

  it('counts in each sample exactly the minutes since the previous one, in the state the latest event gave each minute', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const { rows, csv } = events(steps);
        const series = parseUpptime(csv).series[0]!;
        // The state of every minute from the first event's to the last's: the latest event rounded to it or before.
        const first = Math.round(rows[0]!.time / MINUTE);
        const stateAt = (minute: number): boolean => rows.filter((r) => Math.round(r.time / MINUTE) <= minute).at(-1)!.up;
        let from = first;
        series.t.forEach((t, i) => {
          const to = t / MINUTE;
          let up = 0;
          for (let m = from; m <= to; m++) if (stateAt(m)) up++;
          expect([series.good[i], series.total[i]]).toEqual([up, to - from + 1]);
          // A sample ends where the state changes, or at a full hour, or at the last event.
          const last = i === series.t.length - 1;
          expect(last || to % 60 === 0 || stateAt(to) !== stateAt(to + 1)).toBe(true);
          from = to + 1;
        });
        expect(from - 1).toBe(Math.round(rows[rows.length - 1]!.time / MINUTE));
      }),
      RUNS,
    );
  });
});

describe('Upptime history analysed as sparse samples', () => {
  const text = readFileSync(EVENTS, 'utf8');
  const DAY = 86_400_000;
  // Every monitor observed for longer than the longest window.
  const series = parseUpptime(text).series.filter((s) => s.t[s.t.length - 1]! - s.t[0]! > 31 * DAY);
  const sli = { id: 1, serviceId: 1, name: 'availability', kind: 'availability' as const, latencyThresholdMs: null, ...NO_SLI_DETAILS, objectives: {} };

  it('gives every rolling window the SLI of the same minutes one sample a minute would, with its start up to an hour earlier', () => {
    expect(series.map((s) => s.name).sort()).toEqual(['catalogue', 'letters-archive']);
    let windows = 0;
    const wrong: string[] = [];
    for (const sparse of series) {
      const checked = checkWindowsAgainstMinutes(sparse);
      windows += checked.windows;
      wrong.push(...checked.wrong);
      // Over the whole history the counts are the same minutes, so the achieved SLI is identical.
      expect(analyseHistory(sparse, sli, 30 * DAY).overall).toBe(analyseHistory(perMinute(sparse), sli, 30 * DAY).overall);
    }
    expect(windows).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });
});
