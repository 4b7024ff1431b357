import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Firing } from '#shared/analysis/backtest';
import type { Sli } from '#shared/domain/types';
import type { ChartData } from '#shared/ipc/contract';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { FiringRows } from './FiringRows';
import { LineCanvas } from './LineCanvas';
import { TimeAxes } from './TimeAxes';
import { layoutSliChart } from './layout/sli-chart-layout';
import { brushRange, keyZoom, toViewX, wheelPixels, wheelZoom } from './layout/time-zoom';
import { useTimeZoom, type OnZoom } from './useTimeZoom';

/** Props of SliChart; see the component. */
export type SliChartProps = {
  data: ChartData;
  sli: Sli;
  /** Asked for a new view: a range in UTC ms, or null, null for the whole history. */
  onZoom: OnZoom;
  /** Firings of one tier's backtest, drawn as a page row and a ticket row under the plot. */
  firings?: readonly Firing[] | null;
  width?: number;
  plotHeight?: number;
};

/**
 * The SLI over time: a thin line per sample, a thick rolling-compliance line, the tiers' targets, excluded periods as
 * hatched bands, and optionally the alerts that fired. Drag to zoom into a range, wheel to zoom around the pointer,
 * double-click (or the button, or 0) to see everything; + − ← → when focused.
 */
export function SliChart({ data, sli, onZoom, firings = null, width, plotHeight }: SliChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const zoom = useTimeZoom(data.view, data.full, onZoom);
  const l = useMemo(() => layoutSliChart(data, sli, zoom.shown, { width, plotHeight, firings }), [data, sli, zoom.shown, width, plotHeight, firings]);
  const canvasLines = useMemo(
    () => [
      { key: 'sample', path: l.sliPath, colorVar: '--chart-sample', widthPx: 1.5 },
      { key: 'rolling', path: l.rollingPath, colorVar: '--chart-rolling', widthPx: 3.5 },
    ],
    [l],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  const toView = (clientX: number, clientY: number) => {
    const r = svgRef.current?.getBoundingClientRect();
    return r ? { x: toViewX(clientX, r.left, r.width, l.width), y: toViewX(clientY, r.top, r.height, l.height) } : { x: 0, y: 0 };
  };

  const onWheel = useEffectEvent((ev: WheelEvent) => {
    const p = toView(ev.clientX, ev.clientY);
    if (p.x < l.plot.left || p.x > l.plot.right || p.y < l.plot.top || p.y > l.plot.bottom) return;
    ev.preventDefault();
    zoom.preview(wheelZoom(zoom.shown, l.x.invert(p.x).getTime(), wheelPixels(ev.deltaY, ev.deltaMode), data.full));
  });
  useEffect(() => {
    // React's own wheel listener is passive, so the page would scroll while the chart zooms.
    const svg = svgRef.current;
    if (!svg) return;
    const listener = (ev: WheelEvent) => onWheel(ev);
    svg.addEventListener('wheel', listener, { passive: false });
    return () => svg.removeEventListener('wheel', listener);
  }, []);

  const pointerDown = (e: PointerEvent<SVGGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const { x } = toView(e.clientX, e.clientY);
    setDrag({ x0: x, x1: x });
  };
  const pointerMove = (e: PointerEvent<SVGGElement>) => {
    if (drag) setDrag({ x0: drag.x0, x1: toView(e.clientX, e.clientY).x });
  };
  const pointerUp = (e: PointerEvent<SVGGElement>) => {
    if (!drag) return;
    const range = brushRange(drag.x0, toView(e.clientX, e.clientY).x, l.x, data.full);
    setDrag(null);
    if (range) zoom.commit(range);
  };
  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = keyZoom(e.key, zoom.shown, data.full);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'reset') zoom.reset();
    else zoom.preview(action.range);
  };

  const { plot } = l;
  const brushX0 = drag ? Math.max(plot.left, Math.min(drag.x0, drag.x1)) : 0;
  const brushX1 = drag ? Math.min(plot.right, Math.max(drag.x0, drag.x1)) : 0;
  const legend: LegendItem[] = [
    { key: 'sample', label: 'SLI per sample', shape: 'line', className: 'tc-sample' },
    { key: 'rolling', label: `${data.windowDays}-day compliance`, shape: 'line', className: 'tc-rolling' },
    ...l.tiers.map((t): LegendItem => ({ key: t.tier, label: t.label, shape: 'line', className: `tc-tier-${t.tier}` })),
    ...(l.bands.length
      ? [
          {
            key: 'excluded',
            label: data.excluding ? 'Excluded (left out of the lines)' : 'Excluded (still counted)',
            shape: 'box',
            className: 'tc-excluded',
          } as const,
        ]
      : []),
    ...(firings
      ? [
          { key: 'page', label: 'Page firing', shape: 'box', className: 'tc-page' } as const,
          { key: 'ticket', label: 'Ticket firing', shape: 'box', className: 'tc-ticket' } as const,
        ]
      : []),
  ];

  return (
    <div className="time-chart sli-chart" data-testid="sli-chart">
      <div className="chart-toolbar">
        <ChartLegend items={legend} label="Legend of the SLI chart" />
        {zoom.zoomed ? (
          <button type="button" onClick={zoom.reset} data-testid="chart-reset">
            Reset zoom
          </button>
        ) : null}
      </div>
      <div className="time-chart-stage" tabIndex={0} role="group" aria-label="SLI chart, zoomable" aria-describedby={`${uid}-help`} onKeyDown={keyDown}>
        {l.canvas ? <LineCanvas width={l.width} height={l.height} plot={plot} lines={canvasLines} /> : null}
        <svg ref={svgRef} className="time-chart-svg" viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={l.summary}>
          <defs>
            <clipPath id={`${uid}-clip`}>
              <rect x={plot.left} y={plot.top - 2} width={plot.right - plot.left} height={plot.bottom - plot.top + 4} />
            </clipPath>
            <pattern id={`${uid}-hatch`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
              <rect className="hatch-ground" width="8" height="8" />
              <line className="hatch-stroke" x1="0" y1="0" x2="0" y2="8" />
            </pattern>
          </defs>
          <TimeAxes plot={plot} xTicks={l.xTicks} yTicks={l.yTicks} />
          <g
            className="plot-area"
            data-testid="chart-brush"
            onPointerDown={pointerDown}
            onPointerMove={pointerMove}
            onPointerUp={pointerUp}
            onPointerCancel={() => setDrag(null)}
            onDoubleClick={zoom.reset}
          >
            <rect className="brush-ground" x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
            {l.bands.map((b) => (
              <rect
                key={b.key}
                data-testid="exclusion-band"
                className={`exclusion-band band-${b.category}`}
                fill={`url(#${uid}-hatch)`}
                x={b.x}
                y={plot.top}
                width={b.width}
                height={plot.bottom - plot.top}
              >
                <title>{b.title}</title>
              </rect>
            ))}
            <g className="marks" clipPath={`url(#${uid}-clip)`}>
              {l.tiers.map((t) => (
                <line
                  key={t.tier}
                  data-testid={`tier-line-${t.tier}`}
                  className={`tc-tier tc-tier-${t.tier}`}
                  x1={plot.left}
                  x2={plot.right}
                  y1={t.y}
                  y2={t.y}
                />
              ))}
              {l.canvas ? null : <path className="tc-sample" d={l.sliPath} />}
              {l.canvas ? null : <path className="tc-rolling" d={l.rollingPath} />}
            </g>
            {drag ? <rect className="brush-selection" x={brushX0} y={plot.top} width={Math.max(0, brushX1 - brushX0)} height={plot.bottom - plot.top} /> : null}
          </g>
          {l.tiers.map((t) => (
            <g key={t.tier} className={`tc-tier-label tc-tier-label-${t.tier}`}>
              <path className="leader" d={`M${plot.right},${t.y}L${plot.right + 8},${t.labelY}H${plot.right + 12}`} />
              <text x={plot.right + 16} y={t.labelY} dominantBaseline="middle">
                {t.label}
              </text>
            </g>
          ))}
          {l.sliPath === '' ? (
            <text className="chart-empty" x={(plot.left + plot.right) / 2} y={(plot.top + plot.bottom) / 2} textAnchor="middle">
              No samples in this view
            </text>
          ) : null}
          <FiringRows plot={plot} rows={l.rows} bars={l.bars} />
        </svg>
      </div>
      {l.clippedNote ? (
        <p className="chart-clipped" data-testid="chart-clipped">
          ↓ {l.clippedNote}.
        </p>
      ) : null}
      <p id={`${uid}-help`} className="chart-help">
        Drag across the chart to zoom in, scroll to zoom around the pointer, double-click to see everything. When focused: + and − zoom, ← and → move, 0 resets.
      </p>
    </div>
  );
}
