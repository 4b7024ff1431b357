import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectUpptime, parseUpptime, splitCsvLine } from './upptime';

const DIR = new URL('../../../shared/datasets/upptime-unibe-digitaleditions/', import.meta.url);
const RUNS = { numRuns: 200, seed: 20_260_120 };
type Site = { name: string; slug: string; dailyMinutesDown: Record<string, number> };

/** Minutes with good = 0, and how many separate down runs they form. */
function downtime(good: Float64Array): { minutes: number; outages: number } {
  let minutes = 0;
  let outages = 0;
  good.forEach((value, i) => {
    if (value !== 0) return;
    minutes++;
    if (i === 0 || good[i - 1] !== 0) outages++;
  });
  return { minutes, outages };
}

describe('Upptime importer', () => {
  const text = readFileSync(new URL('events.csv', DIR), 'utf8');
  const summary = JSON.parse(readFileSync(new URL('summary.json', DIR), 'utf8')) as Site[];
  const result = parseUpptime(text);
  const nameCount = new Map<string, number>();
  for (const site of summary) nameCount.set(site.name, (nameCount.get(site.name) ?? 0) + 1);
  const unique = summary.filter((site) => nameCount.get(site.name) === 1);
  const bySlug = new Map(result.series.map((series) => [series.name, series]));

  it('reads every event of the dataset into one 1-minute series per slug', () => {
    expect(detectUpptime(text)).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.accepted).toBe(10_530);
    for (const series of result.series) {
      expect(series.stepMs ?? 60_000).toBe(60_000);
      expect(series.t[series.t.length - 1]! - series.t[0]!).toBe((series.t.length - 1) * 60_000);
      expect(series.total.every((v) => v === 1)).toBe(true);
    }
  });

  // Upptime's dailyMinutesDown comes from its GitHub downtime issues (created_at → closed_at, split per UTC day, each day
  // rounded with Math.round), not from the status commits. An issue is opened and closed by workflow runs around the down
  // and up commits, so each outage may differ by about a minute from the check times: at most one minute per outage.
  it('matches summary.json downtime for the uniquely named monitors whose slug can be a GitHub label', () => {
    const labelled = unique.filter((site) => site.slug.length <= 50);
    expect(labelled).toHaveLength(20);
    const report = labelled.map((site) => {
      const expected = Object.values(site.dailyMinutesDown).reduce((a, b) => a + b, 0);
      const series = bySlug.get(site.slug);
      const { minutes, outages } = series === undefined ? { minutes: 0, outages: 0 } : downtime(series.good);
      expect(Math.abs(minutes - expected), site.slug).toBeLessThanOrEqual(outages);
      return [site.slug, minutes, expected];
    });
    const exact = report.filter(([, minutes, expected]) => minutes === expected).length;
    const withinOne = report.filter(([, minutes, expected]) => Math.abs((minutes as number) - (expected as number)) <= 1).length;
    expect(exact).toBe(12);
    expect(withinOne).toBe(17);
    expect(report.find(([slug]) => slug === 'gossembrot-bibliothek')).toEqual(['gossembrot-bibliothek', 12_486, 12_487]);
  });

  // GitHub labels hold at most 50 characters, and Upptime finds a monitor's downtime issues by its slug as a label, so
  // monitors with longer slugs show no downtime in summary.json although their status commits record outages.
  it('shows why the long-slug monitors cannot match: summary.json has no downtime for them, the events do', () => {
    const long = unique.filter((site) => site.slug.length > 50);
    expect(long.length).toBe(13);
    for (const site of long) expect(Object.values(site.dailyMinutesDown).reduce((a, b) => a + b, 0), site.slug).toBe(0);
    const downInEvents = long.filter((site) => downtime(bySlug.get(site.slug)?.good ?? new Float64Array()).minutes > 100);
    // 12 of the 13 recorded outages (hundreds of minutes each) that summary.json does not count.
    expect(downInEvents.length).toBe(12);
  });

  it('reports bad rows with their line and column and keeps reading', () => {
    const bad = [
      'check_time_utc,slug,status',
      '2026-01-20T21:28:38.574Z,a,down',
      '2026-01-20 21:30:00,a,up',
      '2026-01-20T21:31:00Z,a,sideways',
      '2026-01-20T21:32:00Z,"a,up',
      '2026-01-20T21:33:10Z,a,up',
    ].join('\n');
    const parsed = parseUpptime(bad);
    expect(parsed.issues.map((i) => [i.code, i.line, i.column])).toEqual([['BAD_TIMESTAMP', 3, 1], ['BAD_STATUS', 4, 3], ['RAGGED_ROW', 5, undefined]]);
    expect(parsed.accepted).toBe(2);
    expect(parsed.rejected).toBe(3);
    expect([...parsed.series[0]!.good]).toEqual([0, 0, 0, 0, 1]);
    expect(parseUpptime('time,slug\n').issues[0]!.code).toBe('MISSING_COLUMN');
    expect(splitCsvLine('"x ""y""",2')).toEqual(['x "y"', '2']);
  });

  it('has exactly as many down minutes as the rounded down intervals of random histories', () => {
    const event = fc.record({ gapMinutes: fc.integer({ min: 0, max: 500 }), gapSeconds: fc.integer({ min: 0, max: 59 }), up: fc.boolean() });
    fc.assert(fc.property(fc.array(event, { minLength: 1, maxLength: 40 }), (events) => {
      let time = Date.UTC(2026, 0, 1);
      const rows = events.map(({ gapMinutes, gapSeconds, up }) => {
        time += gapMinutes * 60_000 + gapSeconds * 1000;
        return { time, up };
      });
      const csv = ['check_time_utc,slug,status', ...rows.map((r) => `${new Date(r.time).toISOString()},m,${r.up ? 'up' : 'down'}`)].join('\n');
      const series = parseUpptime(csv).series[0]!;
      let expected = 0;
      rows.forEach((row, i) => {
        if (!row.up && i + 1 < rows.length) expected += Math.round(rows[i + 1]!.time / 60_000) - Math.round(row.time / 60_000);
      });
      if (!rows[rows.length - 1]!.up) expected += 1;
      expect(downtime(series.good).minutes).toBe(expected);
      expect(series.t.length).toBe(Math.round(rows[rows.length - 1]!.time / 60_000) - Math.round(rows[0]!.time / 60_000) + 1);
    }), RUNS);
  });
});
