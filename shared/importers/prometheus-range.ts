// A live Prometheus import asks query_range for a bounded number of steps at a time (Prometheus refuses more than
// 11,000 points per series) and puts the answers back together on one grid of evaluation times (docs/reliability.md R25).
import { medianStep } from '../domain/step';
import type { ParsedSeries } from './types';

/** Evaluation times startMs, startMs + stepMs, … (`points` of them), in UTC ms, as Prometheus steps a range query. */
export type StepGrid = { startMs: number; stepMs: number; points: number };

/** The grid Prometheus evaluates for [startMs, endMs]: every step from the start up to and including the end. */
export function stepGrid(startMs: number, endMs: number, stepMs: number): StepGrid {
  return { startMs, stepMs, points: Math.floor((endMs - startMs) / stepMs) + 1 };
}

/** The last evaluation time of a grid. */
export function gridEndMs(grid: StepGrid): number {
  return grid.startMs + (grid.points - 1) * grid.stepMs;
}

/**
 * Cuts a grid into consecutive sub-grids of at most maxPoints steps. Each starts one step after the previous one ends,
 * so asking Prometheus for each in turn yields every step exactly once: no inclusive boundary is fetched twice.
 */
export function splitGrid(grid: StepGrid, maxPoints: number): StepGrid[] {
  const parts: StepGrid[] = [];
  for (let first = 0; first < grid.points; first += maxPoints) {
    parts.push({ startMs: grid.startMs + first * grid.stepMs, stepMs: grid.stepMs, points: Math.min(maxPoints, grid.points - first) });
  }
  return parts;
}

/** One column of a query's answer laid on a grid: NaN where nothing was sampled. */
export type GridValues = {
  values: Float64Array;
  /** Samples whose time is not a step of the grid (they are left out). */
  offGrid: number;
  /** Steps where more than one series had a sample. */
  overlaps: number;
};

/**
 * Adds up one column of several series step by step. A query may return one series per instance, route or status
 * code; the SLI is service-wide, so all of them count, which is what `sum(...)` around the query would give.
 */
export function sumOntoGrid(series: readonly ParsedSeries[], column: 'good' | 'total', grid: StepGrid): GridValues {
  const values = new Float64Array(grid.points).fill(Number.NaN);
  let offGrid = 0;
  let overlaps = 0;
  for (const s of series) {
    const picked = s[column];
    for (let i = 0; i < s.t.length; i++) {
      const index = (s.t[i]! - grid.startMs) / grid.stepMs;
      if (!Number.isInteger(index) || index < 0 || index >= grid.points) {
        offGrid++;
        continue;
      }
      if (Number.isNaN(values[index]!)) values[index] = picked[i]!;
      else {
        values[index] = values[index]! + picked[i]!;
        overlaps++;
      }
    }
  }
  return { values, offGrid, overlaps };
}

/** Samples kept on a grid, with what could not be paired. */
export type PairedSteps = {
  t: Float64Array;
  good: Float64Array;
  total: Float64Array;
  /** Steps with a total but no good sample (left out), and the first of them. */
  goodMissing: number;
  firstGoodMissingMs: number | null;
  /** Steps with a good but no total sample (left out: without a total the step has no known events). */
  totalMissing: number;
  /** Steps where good exceeds total by more than rounding (left out). */
  goodAboveTotal: number;
  firstGoodAboveTotalMs: number | null;
};

// Good and total come from separate queries whose sums may round differently; a relative excess this small is rounding.
const ROUNDING = 1e-9;

/** Pairs good and total counts step by step, keeping the steps present in total; a step missing either is a gap. */
export function pairGoodTotal(grid: StepGrid, good: Float64Array, total: Float64Array): PairedSteps {
  const t: number[] = [];
  const goods: number[] = [];
  const totals: number[] = [];
  const out = { goodMissing: 0, firstGoodMissingMs: null as number | null, totalMissing: 0, goodAboveTotal: 0, firstGoodAboveTotalMs: null as number | null };
  for (let i = 0; i < grid.points; i++) {
    const at = grid.startMs + i * grid.stepMs;
    const g = good[i]!;
    const n = total[i]!;
    if (Number.isNaN(n)) {
      if (!Number.isNaN(g)) out.totalMissing++;
    } else if (Number.isNaN(g)) {
      out.goodMissing++;
      out.firstGoodMissingMs ??= at;
    } else if (g > n * (1 + ROUNDING)) {
      out.goodAboveTotal++;
      out.firstGoodAboveTotalMs ??= at;
    } else {
      t.push(at);
      goods.push(Math.min(g, n));
      totals.push(n);
    }
  }
  return { t: Float64Array.from(t), good: Float64Array.from(goods), total: Float64Array.from(totals), ...out };
}

/** Turns an error ratio per step into one event per step: good = 1 − ratio, total = 1; steps without a sample are gaps. */
export function goodFromErrorRatio(grid: StepGrid, ratio: Float64Array): { t: Float64Array; good: Float64Array; total: Float64Array } {
  const t: number[] = [];
  const good: number[] = [];
  for (let i = 0; i < grid.points; i++) {
    if (Number.isNaN(ratio[i]!)) continue;
    t.push(grid.startMs + i * grid.stepMs);
    good.push(1 - ratio[i]!);
  }
  return { t: Float64Array.from(t), good: Float64Array.from(good), total: new Float64Array(t.length).fill(1) };
}

/** Joins the samples of consecutive sub-grids into one named series. */
export function joinSteps(name: string, parts: readonly { t: Float64Array; good: Float64Array; total: Float64Array }[]): ParsedSeries {
  const n = parts.reduce((sum, p) => sum + p.t.length, 0);
  const out = { t: new Float64Array(n), good: new Float64Array(n), total: new Float64Array(n) };
  let at = 0;
  for (const p of parts) {
    out.t.set(p.t, at);
    out.good.set(p.good, at);
    out.total.set(p.total, at);
    at += p.t.length;
  }
  return { name, stepMs: medianStep(out.t), ...out };
}
