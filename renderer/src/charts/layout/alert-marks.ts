import type { DetectedEvent, Firing } from '#shared/analysis/backtest';
import { formatCount, formatMinutes } from '#shared/budget/budget';
import { formatFactor } from '#shared/budget/downtime';
import { formatUtc, formatUtcSpan, type TimeRange, type TimeScale } from './time-layout';

/** The rows of a firings chart: by severity (two rows under the SLI chart) or by alert (the four rows of the timeline). */
export type FiringRows = 'severity' | 'alert';

/** The four alerts of a multi-window burn-rate set, in the order the timeline lists them. */
export const ALERT_ROWS = ['page-quick', 'page-slow', 'ticket-quick', 'ticket-slow'] as const;

/** The two severities, pages first. */
export const SEVERITY_ROWS = ['page', 'ticket'] as const;

/** Row labels as shown at the left of a firings row. */
export const FIRING_ROW_LABELS: Readonly<Record<string, string>> = {
  page: 'Page',
  ticket: 'Ticket',
  'page-quick': 'Page quick',
  'page-slow': 'Page slow',
  'ticket-quick': 'Ticket quick',
  'ticket-slow': 'Ticket slow',
};

/** A count with its noun, plural unless one: "1 page", "3 tickets". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A labelled row of bars under or beside a plot. */
export type BarRow = { key: string; label: string; y: number; height: number };

/** One firing as a bar from when it fired to when it resolved (the view's end while still firing). */
export type FiringBar = {
  key: string;
  row: string;
  severity: Firing['severity'];
  x: number;
  width: number;
  open: boolean;
  title: string;
};

function describeFiring(f: Firing): string {
  const name = `${f.severity === 'page' ? 'Page' : 'Ticket'} ${f.speed} (${formatFactor(f.factor)}× over ${formatMinutes(f.longMinutes)} and ${formatMinutes(f.shortMinutes)})`;
  const when =
    f.resolvedMs === null ? `fired ${formatUtc(f.firedMs)} UTC, still firing at the end of the history` : `fired ${formatUtcSpan(f.firedMs, f.resolvedMs)}`;
  return `${name}: ${when}; peak burn rate ${formatFactor(Math.round(f.peakBurnRate * 10) / 10)}×`;
}

/** The firings overlapping the view as bars, clipped to it, each at least minWidthPx wide so a one-step firing still shows. */
export function firingBars(firings: readonly Firing[], view: TimeRange, x: TimeScale, rows: FiringRows, minWidthPx = 3): FiringBar[] {
  const bars: FiringBar[] = [];
  const right = x(view.endMs);
  for (const f of firings) {
    const endMs = f.resolvedMs ?? view.endMs;
    if (f.firedMs > view.endMs || endMs < view.startMs) continue;
    const x0 = x(Math.max(view.startMs, f.firedMs));
    const width = Math.max(minWidthPx, x(Math.min(view.endMs, endMs)) - x0);
    bars.push({
      key: `${f.severity}-${f.speed}-${f.firedMs}`,
      row: rows === 'severity' ? f.severity : `${f.severity}-${f.speed}`,
      severity: f.severity,
      x: Math.min(x0, right - width),
      width,
      open: f.resolvedMs === null,
      title: describeFiring(f),
    });
  }
  return bars;
}

/** A horizontal extent a label occupies. */
export type Extent = { left: number; right: number };

/**
 * Puts each label in the first of `lanes` rows where it overlaps no label placed before it (padPx apart), in the order
 * given so the most important labels win; null for a label no row has room for (its mark keeps its tooltip).
 */
export function assignLanes(extents: readonly Extent[], lanes: number, padPx = 8): (number | null)[] {
  const placed: Extent[][] = Array.from({ length: lanes }, () => []);
  return extents.map((e) => {
    const lane = placed.findIndex((row) => row.every((p) => e.left >= p.right + padPx || e.right + padPx <= p.left));
    if (lane < 0) return null;
    placed[lane]!.push(e);
    return lane;
  });
}

/** Rough width of a label in px at the charts' 14 px font; enough to keep labels apart without measuring the DOM. */
export function labelWidth(text: string, charPx = 7.8): number {
  return text.length * charPx;
}

/** How an event's detection reads on the chart: "detected after 4 min", "detected at once" or "missed". */
export function detectionLabel(e: DetectedEvent): string {
  if (e.delayMs === null) return 'missed';
  if (e.delayMs <= 0) return 'detected at once';
  return `detected after ${formatMinutes(e.delayMs / 60_000)}`;
}

/** A budget-eating event as a shaded span, with its detection label placed in a lane (null when no lane had room). */
export type EventMark = {
  key: string;
  x: number;
  width: number;
  detected: boolean;
  label: string;
  labelX: number;
  lane: number | null;
  title: string;
};

/** What an event's badEvents count: bad events, or bad slices for a tier counted in slices. */
export type EventUnit = 'events' | 'slices';

function describeEvent(e: DetectedEvent, unit: EventUnit): string {
  const share = `${Number((e.budgetShare * 100).toPrecision(3))} % of the budget`;
  const worst = `worst SLI ${Number((e.worstSli * 100).toPrecision(5))} %`;
  const found = e.delayMs === null ? 'missed: no alert fired while it lasted' : `${detectionLabel(e)} by a ${e.detectedBy ?? 'page'}`;
  return `Budget-eating event ${formatUtcSpan(e.startMs, e.endMs)}: ${formatCount(e.badEvents)} bad ${unit}, ${share}, ${worst}; ${found}`;
}

/**
 * The events overlapping the view as spans clipped to it, labels centred over them, kept inside the plot and out of
 * each other's way; tooltips count them in `unit` (slices for a time-slice tier, whose events are runs of bad slices).
 */
export function eventMarks(
  events: readonly DetectedEvent[],
  view: TimeRange,
  x: TimeScale,
  lanes = 2,
  minWidthPx = 3,
  unit: EventUnit = 'events',
): EventMark[] {
  const [left = 0, right = 0] = x.range();
  const visible = events.filter((e) => e.endMs >= view.startMs && e.startMs <= view.endMs);
  const marks = visible.map((e) => {
    const x0 = x(Math.max(view.startMs, e.startMs));
    const width = Math.max(minWidthPx, x(Math.min(view.endMs, e.endMs)) - x0);
    const label = detectionLabel(e);
    const half = labelWidth(label) / 2;
    const labelX = Math.min(right - half, Math.max(left + half, x0 + width / 2));
    return {
      key: `${e.startMs}-${e.endMs}`,
      x: Math.min(x0, right - width),
      width,
      detected: e.delayMs !== null,
      label,
      labelX,
      half,
      title: describeEvent(e, unit),
    };
  });
  const assigned = assignLanes(
    marks.map((m) => ({ left: m.labelX - m.half, right: m.labelX + m.half })),
    lanes,
  );
  return marks.map(({ half: _half, ...m }, i) => ({ ...m, lane: assigned[i]! }));
}
