import type { Backtest } from '#shared/analysis/backtest';
import { formatMinutes } from '#shared/budget/budget';
import { formatPpmPercent } from '#shared/domain/percent';
import type { Tier } from '#shared/domain/types';
import { ALERT_ROWS, FIRING_ROW_LABELS, countOf, eventMarks, firingBars, type BarRow, type EventMark, type FiringBar } from './alert-marks';
import { CHART_WIDTH, TIER_SHORT_NAMES, TIME_MARGINS, timeScale, timeTicks, type PlotBox, type TimeRange, type TimeTick } from './time-layout';

/** An event span with the baseline of its detection label (null when no lane had room for it). */
export type PlacedEvent = EventMark & { labelY: number | null };

/** Everything the firings timeline draws, in viewBox px. */
export type FiringsTimelineLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  eventRow: BarRow;
  rows: BarRow[];
  events: PlacedEvent[];
  bars: FiringBar[];
  xTicks: TimeTick[];
  summary: string;
};

const LANES = 2;
const LANE_HEIGHT = 19;
const ROW_HEIGHT = 24;
const ROW_GAP = 6;

/**
 * Lays out a tier's backtest over a view: detection labels in lanes at the top, the budget-eating events as spans
 * under them, then one row per alert of the set with its firings; x positions match the SLI chart of the same view.
 */
export function layoutFiringsTimeline(bt: Backtest & { tier: Tier }, view: TimeRange, width = CHART_WIDTH): FiringsTimelineLayout {
  const lanesBottom = 8 + LANES * LANE_HEIGHT;
  const eventRow: BarRow = { key: 'events', label: 'Events', y: lanesBottom + 6, height: ROW_HEIGHT };
  const rowsTop = eventRow.y + eventRow.height + ROW_GAP * 2;
  const rows = ALERT_ROWS.map((key, i) => ({ key, label: FIRING_ROW_LABELS[key]!, y: rowsTop + i * (ROW_HEIGHT + ROW_GAP), height: ROW_HEIGHT }));
  const plot = { left: TIME_MARGINS.left, right: width - TIME_MARGINS.right, top: eventRow.y, bottom: rows.at(-1)!.y + ROW_HEIGHT };
  const x = timeScale(view, plot.left, plot.right);
  const events = eventMarks(bt.events, view, x, LANES, undefined, bt.method === 'occurrences' ? 'events' : 'slices').map((e) => ({
    ...e,
    labelY: e.lane === null ? null : 8 + (e.lane + 1) * LANE_HEIGHT - 5,
  }));
  const bars = firingBars(bt.firings, view, x, 'alert');
  const missed = events.filter((e) => !e.detected).length;
  const summary = [
    `Alert backtest of the ${TIER_SHORT_NAMES[bt.tier]} ${formatPpmPercent(bt.targetPpm)} % with ${bt.setName}`,
    `${countOf(bars.filter((b) => b.severity === 'page').length, 'page')} and ${countOf(bars.filter((b) => b.severity === 'ticket').length, 'ticket')} in view`,
    `${countOf(events.length, 'budget-eating event')}, ${missed} missed`,
    bt.medianDelayMs === null ? null : `median detection delay ${formatMinutes(bt.medianDelayMs / 60_000)}`,
    bt.coarsened ? `alerts evaluated every ${formatMinutes(bt.stepMs / 60_000)} on a coarser grid than the samples` : null,
  ]
    .filter((s): s is string => s !== null)
    .join('; ');
  return { width, height: plot.bottom + 52, plot, eventRow, rows, events, bars, xTicks: timeTicks(x), summary };
}
