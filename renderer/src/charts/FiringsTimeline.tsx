import { useMemo } from 'react';
import type { Backtest } from '#shared/analysis/backtest';
import type { Tier } from '#shared/domain/types';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { FiringRows } from './FiringRows';
import { TimeAxes } from './TimeAxes';
import { layoutFiringsTimeline } from './layout/firings-layout';
import type { TimeRange } from './layout/time-layout';

/** Props of FiringsTimeline; see the component. */
export type FiringsTimelineProps = {
  /** One tier of a BacktestReport. */
  backtest: Backtest & { tier: Tier };
  /** The time span shown; pass the SLI chart's data.view (same width) and the two line up. */
  view: TimeRange;
  width?: number;
};

const LEGEND: LegendItem[] = [
  { key: 'detected', label: 'Budget-eating event, alerted', shape: 'box', className: 'tc-event-detected' },
  { key: 'missed', label: 'Event no alert caught', shape: 'box', className: 'tc-event-missed' },
  { key: 'page', label: 'Page firing', shape: 'box', className: 'tc-page' },
  { key: 'ticket', label: 'Ticket firing', shape: 'box', className: 'tc-ticket' },
];

/**
 * When each alert of the set would have fired (a row per page/ticket, quick/slow alert) under the budget-eating
 * events it was meant to catch, each labelled with how long it took to be noticed, or "missed".
 */
export function FiringsTimeline({ backtest, view, width }: FiringsTimelineProps) {
  const l = useMemo(() => layoutFiringsTimeline(backtest, view, width), [backtest, view, width]);
  const { plot, eventRow } = l;
  // The frame every time chart shares (toolbar with its legend, the svg with TimeAxes), alike on purpose; the layers inside are its own.
  return (
    <div className="time-chart firings-timeline" data-testid="firings-timeline">
      <div className="chart-toolbar">
        <ChartLegend items={LEGEND} label="Legend of the firings timeline" />
      </div>
      <svg className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={l.summary}>
        <TimeAxes plot={plot} xTicks={l.xTicks} />
        <text className="row-label" x={plot.left - 8} y={eventRow.y + eventRow.height / 2} textAnchor="end" dominantBaseline="middle">
          {eventRow.label}
        </text>
        <rect className="row-track" x={plot.left} y={eventRow.y} width={plot.right - plot.left} height={eventRow.height} />
        {l.events.map((e) => (
          <g key={e.key} className={`event-mark ${e.detected ? 'tc-event-detected' : 'tc-event-missed'}`} data-testid="budget-event">
            <rect className="event-column" x={e.x} y={eventRow.y} width={e.width} height={plot.bottom - eventRow.y} />
            <rect className="event-span" x={e.x} y={eventRow.y} width={e.width} height={eventRow.height}>
              <title>{e.title}</title>
            </rect>
            {e.labelY === null ? null : (
              <text className="event-label" x={e.labelX} y={e.labelY} textAnchor="middle">
                {e.label}
              </text>
            )}
          </g>
        ))}
        <FiringRows plot={plot} rows={l.rows} bars={l.bars} />
        {l.events.length === 0 && l.bars.length === 0 ? (
          <text className="chart-empty" x={(plot.left + plot.right) / 2} y={eventRow.y - 10} textAnchor="middle">
            Nothing fired and no budget-eating event in this view
          </text>
        ) : null}
      </svg>
    </div>
  );
}
