import type { BarRow, FiringBar } from './layout/alert-marks';
import type { PlotBox } from './layout/time-layout';

/**
 * Rows of alert firings: a label left of the plot, a pale track, and a bar per firing with its details as a tooltip.
 * A firing still open at the end of the history is drawn with an open (dashed) end.
 */
export function FiringRows({ plot, rows, bars }: { plot: PlotBox; rows: readonly BarRow[]; bars: readonly FiringBar[] }) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return (
    <g className="firing-rows">
      {rows.map((r) => (
        <g key={r.key}>
          <text className="row-label" x={plot.left - 8} y={r.y + r.height / 2} textAnchor="end" dominantBaseline="middle">
            {r.label}
          </text>
          <rect className="row-track" x={plot.left} y={r.y} width={plot.right - plot.left} height={r.height} />
        </g>
      ))}
      {bars.map((b) => {
        const row = byKey.get(b.row);
        if (!row) return null;
        return (
          <rect
            key={b.key}
            data-testid={`firing-${b.severity}`}
            className={`firing-bar tc-${b.severity}${b.open ? ' firing-open' : ''}`}
            x={b.x}
            y={row.y + 3}
            width={b.width}
            height={row.height - 6}
            rx={2}
          >
            <title>{b.title}</title>
          </rect>
        );
      })}
    </g>
  );
}
