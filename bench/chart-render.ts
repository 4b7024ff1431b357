// T4 of docs/performance.md: a year of minute data from the workspace file to a drawn chart (docs/architecture.md §6:
// ≤ 3 ms to downsample, ≤ 33 ms to a drawn chart), as ratios to baselines measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { lttb, type XY } from '#shared/analysis/downsample';
import { createWorkspaceDb, openWorkspaceDb } from '../electron/core/storage/db';
import { CatalogRepo, thresholdOnly } from '../electron/core/storage/repos/catalog-repo';
import { SeriesRepo } from '../electron/core/storage/repos/series-repo';
import { seededRandom } from '#shared/domain/seeded-random';
import { report, type Measurement } from './measure';

// The benchmark's constants, one a line: alike in shape to other declaration lists, not logic.
const MINUTES_PER_YEAR = 525_600;
const MINUTE_MS = 60_000;
const START_MS = Date.UTC(2024, 0, 1);
const POINTS = 1_500;
const WIDTH = 960;
const HEIGHT = 320;
const RUNS = 21;
const WARMUP = 10;
// The docs/architecture.md §6 budgets, printed beside the ratios so a reader sees how far off they are on this machine.
const DRAWN_BUDGET_MS = 33;
const LTTB_BUDGET_MS = 3;

/**
 * Ratio targets, from runs on this 2-core machine. With it at its quietest (load ~1.4) a bare readSeries of the year
 * took 12–14 ms (up to 29 ms while others worked on it) and the drawn chart 1.0–1.8× as long (20–35 ms), so 33 ms
 * is 2.5× the quiet bare read: the target holds the 33 ms budget at the speed this machine reads when quiet, and
 * moves with both when other work slows them. A plain pass over one Float64Array column of the year took 0.50–0.55
 * ms quiet (up to 1.4 ms busy) and LTTB 3.8–4.2× that (2.1–5.5 ms), so 3 ms is 5× the quiet pass (docs/
 * performance.md T4 gives 6× for its 0.5 ms pass).
 */
const DRAWN_RATIO = 2.5;
const LTTB_RATIO = 5;

/** A year of minutes: a daily traffic cycle, sparse errors, a few incidents and twelve hours without traffic (wider than an LTTB bucket, so the chart shows the gap). */
function yearOfMinutes(): { name: string; stepMs: number; t: Float64Array; good: Float64Array; total: Float64Array } {
  const random = seededRandom(20_240_101);
  const t = new Float64Array(MINUTES_PER_YEAR);
  const good = new Float64Array(MINUTES_PER_YEAR);
  const total = new Float64Array(MINUTES_PER_YEAR);
  let incidentLeft = 0;
  for (let i = 0; i < MINUTES_PER_YEAR; i++) {
    t[i] = START_MS + i * MINUTE_MS;
    const n = i >= 200_000 && i < 200_720 ? 0 : Math.round(1_000 + 300 * Math.sin((2 * Math.PI * i) / 1_440) + 50 * random());
    if (incidentLeft === 0 && random() < 0.0002) incidentLeft = 5 + Math.floor(random() * 40);
    let bad = random() < 0.05 ? 1 : 0;
    if (incidentLeft > 0) {
      bad += Math.floor(n * 0.3 * random());
      incidentLeft--;
    }
    total[i] = n;
    good[i] = n - Math.min(n, bad);
  }
  return { name: 'requests', stepMs: MINUTE_MS, t, good, total };
}

/** Creates a workspace file holding the year as one imported series, the way an import stores it; returns its id. */
function seed(path: string): number {
  const { db } = createWorkspaceDb(path);
  const catalog = new CatalogRepo(db);
  const series = new SeriesRepo(db);
  const id = db.transaction(() => {
    const sliId = catalog.insertSli(catalog.insertService('checkout', 'team', '', 0), 'availability', 'availability', thresholdOnly(null));
    const importId = series.insertImport({
      sliId,
      sha256: '0'.repeat(64),
      fileName: 'year.csv',
      format: 'csv',
      parserVersion: 1,
      acceptedRows: MINUTES_PER_YEAR,
      rejectedRows: 0,
      startedAt: 0,
    });
    const seriesId = series.insertSeries(importId, yearOfMinutes());
    series.finishImport(importId, 1);
    return seriesId;
  })();
  db.close();
  return id;
}

/** The chart's work after the read: per-sample SLI, LTTB, scales with their ticks, and the SVG path. */
function draw(s: { t: Float64Array; good: Float64Array; total: Float64Array }): string {
  const n = s.t.length;
  const sli = new Float64Array(n);
  // No traffic is no information, so NaN: the line breaks there instead of showing 100 %.
  for (let i = 0; i < n; i++) sli[i] = s.total[i]! > 0 ? s.good[i]! / s.total[i]! : NaN;
  const points = lttb({ x: s.t, y: sli }, POINTS);
  let low = 1;
  for (const v of points.y) if (v < low) low = v;
  const x = scaleUtc()
    .domain([new Date(s.t[0]!), new Date(s.t[n - 1]!)])
    .range([0, WIDTH]);
  const y = scaleLinear().domain([low, 1]).range([HEIGHT, 0]).nice();
  const ticks = [...x.ticks(8).map(x.tickFormat()), ...y.ticks(5).map(y.tickFormat(5, '%'))];
  const index = Array.from({ length: points.x.length }, (_, i) => i);
  const path =
    line<number>()
      .defined((i) => !Number.isNaN(points.y[i]!))
      .x((i) => x(points.x[i]!))
      .y((i) => y(points.y[i]!))(index) ?? '';
  return path + ticks.join('');
}

/**
 * Median times of `value` and `baseline` run alternately, after WARMUP rounds of each. On a shared 2-core machine
 * the load changes within seconds; taking the two in turns exposes both to the same load, where measuring one after
 * the other (measure.ts's medianMs) let a burst of other work land on one side and swung the ratio 0.8–2.6.
 */
function pairedMedians(value: () => unknown, baseline: () => unknown): { value: number; baseline: number } {
  for (let i = 0; i < WARMUP; i++) {
    value();
    baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(timeMs(value));
    b.push(timeMs(baseline));
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { value: median(a), baseline: median(b) };
}

function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A plain pass over one column, the floor LTTB is held to (a function of its argument, so the JIT cannot lean on a closure). */
function plainSum(xs: Float64Array): number {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  return s;
}

/** A year of minute data read from a workspace file and drawn, against a bare read of it; LTTB alone against a plain pass. */
export function benchChartRender(): Measurement[] {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-chart-'));
  try {
    const path = join(dir, 'year.slowb');
    const seriesId = seed(path);
    const { db } = openWorkspaceDb(path);
    const repo = new SeriesRepo(db);
    let points = 0;
    let drawnPath = '';
    const chart = pairedMedians(
      () => (drawnPath = draw(repo.readSeries(seriesId))),
      () => (points = repo.readSeries(seriesId).t.length),
    );
    if (points !== MINUTES_PER_YEAR) throw new Error(`read ${points} points, stored ${MINUTES_PER_YEAR}`);
    // A path of 1,500 points (a few with NaN breaks) is tens of kB: anything much shorter means nothing was drawn.
    if (drawnPath.length < POINTS * 10 || !drawnPath.startsWith('M')) throw new Error(`the chart path is ${drawnPath.length} characters`);

    const s = repo.readSeries(seriesId);
    db.close();
    const sli = new Float64Array(s.t.length);
    for (let i = 0; i < sli.length; i++) sli[i] = s.total[i]! > 0 ? s.good[i]! / s.total[i]! : NaN;
    let sum = 0;
    let out: XY = { x: s.t, y: sli };
    const downsample = pairedMedians(
      () => (out = lttb({ x: s.t, y: sli }, POINTS)),
      () => (sum = plainSum(s.total)),
    );
    if (!(sum > 0)) throw new Error('baseline sum is wrong');
    if (out.x.length !== POINTS || !Array.from(out.y).some(Number.isNaN)) throw new Error('LTTB lost the points or the no-traffic gap');

    return [
      report({ name: `chart-render-year-from-workspace-${MINUTES_PER_YEAR}`, ...chart, unit: 'ms', target: `ratio <= ${DRAWN_RATIO}` }),
      // Absolute, for the record: baseline is the docs/architecture.md budget, so ratio ≤ 1 means within it on this machine.
      report({ name: 'chart-render-year-absolute-ms-vs-33ms-budget', value: chart.value, unit: 'ms', baseline: DRAWN_BUDGET_MS }),
      report({ name: `chart-lttb-${MINUTES_PER_YEAR}-to-${POINTS}`, ...downsample, unit: 'ms', target: `ratio <= ${LTTB_RATIO}` }),
      report({ name: 'chart-lttb-absolute-ms-vs-3ms-budget', value: downsample.value, unit: 'ms', baseline: LTTB_BUDGET_MS }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
