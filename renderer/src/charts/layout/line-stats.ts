import type { ChartLine } from '#shared/ipc/contract';
import type { TimeRange } from './time-layout';

/** The lowest finite value of a line inside the view, null when there is none. */
export function lowestIn(l: ChartLine, view: TimeRange): number | null {
  let low: number | null = null;
  for (let i = 0; i < l.x.length; i++) {
    const v = l.y[i]!;
    if (l.x[i]! >= view.startMs && l.x[i]! <= view.endMs && Number.isFinite(v) && (low === null || v < low)) low = v;
  }
  return low;
}

/** The index of the last finite point of a line inside the view, null when there is none. */
export function lastIndexIn(l: ChartLine, view: TimeRange): number | null {
  for (let i = Math.min(l.x.length, l.y.length) - 1; i >= 0; i--) {
    if (l.x[i]! <= view.endMs && l.x[i]! >= view.startMs && Number.isFinite(l.y[i]!)) return i;
  }
  return null;
}
