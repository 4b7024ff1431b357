// How the What-if screen writes its numbers: a probability with its interval, budget spent as a share, counts of pages
// to one decimal. One place, so the breach table and the comparison agree; "in 1 window out of 8" is the summary's own
// windowsPhrase, so the screen and the summary say it alike.
import { formatPercent } from '../../charts/layout/day-axis';
import type { Estimate, Spread } from '#shared/simulation/result';

const percent1 = (p: number) => Number((p * 100).toFixed(1));

/** A probability to a tenth of a percent: "12.5 %". */
export function probabilityText(p: number): string {
  return `${percent1(p)} %`;
}

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
