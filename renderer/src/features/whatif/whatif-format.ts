// How the What-if screen writes its numbers: probabilities as "1 in 8 windows" with the percent and its interval,
// budget spent as a share, counts of pages to one decimal. One place, so the breach table and the comparison agree.
import { formatPercent } from '../../charts/layout/day-axis';
import type { Estimate, Spread } from '#shared/simulation/result';

const FRACTIONS = [2, 3, 4, 5, 10] as const;

/** A probability as a count of windows: "1 in 8 windows", "3 in 4 windows", "every window", "no window in 10,000 trials". */
export function windowsText(p: number, trials: number): string {
  if (!(p > 0)) return `no window in ${trials.toLocaleString('en-US')} trials`;
  if (p >= 1) return 'every window';
  if (p <= 0.5) {
    const n = Math.round(1 / p);
    return `1 in ${n.toLocaleString('en-US')} windows`;
  }
  // Above one half, the smallest denominator that says it to within two points ("3 in 4"), else in a hundred.
  for (const d of FRACTIONS) {
    const k = Math.round(p * d);
    if (k < d && Math.abs(k / d - p) <= 0.02) return `${k} in ${d} windows`;
  }
  return `${Math.round(p * 100)} in 100 windows`;
}

const percent1 = (p: number) => Number((p * 100).toFixed(1));

/** A breach estimate with its 95 % interval, to a tenth of a percent: "12.5 % (95 %: 11.9–13.2 %)". */
export function estimateText(e: Estimate): string {
  return `${percent1(e.probability)} % (95 %: ${percent1(e.low)}–${percent1(e.high)} %)`;
}

/** A count per window (pages, freeze days) at P50 and P90: "1 · P90 3". */
export function spreadText(s: Spread, unit = ''): string {
  const n = (v: number) => `${Number(v.toFixed(1))}${unit}`;
  return `${n(s.p50)} · P90 ${n(s.p90)}`;
}

/** Budget spent at P50 and P90 as shares of the budget: "55 % · P90 108 %". */
export function spentText(s: Spread): string {
  return `${formatPercent(s.p50)} · P90 ${formatPercent(s.p90)}`;
}
