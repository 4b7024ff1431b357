import type { Ladder } from '#shared/budget/ladder';
import type { Sli } from '#shared/domain/types';
import { layoutLadder } from '../../charts/layout/ladder-layout';

/** The ladder picture: the three tiers on one "nines" axis, their budget bars, and the buffers between them. */
export function LadderChart({ sli, ladder }: { sli: Sli; ladder: Ladder }) {
  if (ladder.rungs.length === 0) {
    return <p className="muted ladder-empty">Set a target for any tier to see the ladder.</p>;
  }
  const l = layoutLadder(sli, ladder);
  return (
    <svg
      className="ladder"
      viewBox={`0 0 ${l.width} ${l.height}`}
      role="img"
      data-testid={`ladder-${sli.id}`}
      aria-label={`Ladder of ${sli.name}: ${l.rungs.map((r) => `${r.name} ${r.target}, ${r.budget}${r.badEvents ? `, ${r.badEvents}` : ''}`).join('; ')}`}
    >
      <line className="axis" x1={l.plot.left} x2={l.plot.left} y1={l.plot.top - 10} y2={l.plot.bottom + 10} />
      {l.ticks.map((t) => (
        <g key={t.label} className="tick">
          <line x1={l.plot.left - 5} x2={l.plot.left} y1={t.y} y2={t.y} />
          <text x={l.plot.left - 9} y={t.y} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        </g>
      ))}
      <text className="axis-title" x={l.plot.left} y={12} textAnchor="middle">
        stricter ↑
      </text>
      {l.rungs.map((r) => (
        <g key={r.tier} className={`rung rung-${r.tier} ${r.warning ? 'rung-warning' : ''}`}>
          <path className="rung-line" d={`M${l.plot.left},${r.y} H${l.plot.left + 14} L${l.plot.left + 30},${r.labelY} H${l.plot.barX - 10}`} />
          <text className="rung-name" x={l.plot.left + 36} y={r.labelY - 8}>
            {r.warning ? '⚠ ' : ''}
            {r.name} {r.target}
          </text>
          <text className="rung-detail" x={l.plot.left + 36} y={r.labelY + 17}>
            {r.detail}
          </text>
          <rect className="rung-bar" x={l.plot.barX} y={r.labelY - 9} width={r.barWidth} height={18} rx={3} />
          <text className="rung-budget" x={l.plot.barX + r.barWidth + 8} y={r.labelY} dominantBaseline="middle">
            {r.budget}
          </text>
          {r.badEvents ? (
            <text className="rung-events" x={l.plot.barX + r.barWidth + 8} y={r.labelY + 18} dominantBaseline="middle">
              {r.badEvents}
            </text>
          ) : null}
        </g>
      ))}
      {l.buffers.map((b) => {
        const x = l.plot.bracketX;
        return (
          <g key={`${b.from}-${b.to}`} className={`buffer ${b.negative ? 'buffer-negative' : ''}`}>
            <path d={`M${x - 6},${b.y1} H${x} V${b.y2} H${x - 6}`} />
            <text x={x + 8} y={(b.y1 + b.y2) / 2 - (b.sublabel ? 9 : 0)} dominantBaseline="middle">
              {b.label}
            </text>
            {b.sublabel ? (
              <text className="buffer-events" x={x + 8} y={(b.y1 + b.y2) / 2 + 10} dominantBaseline="middle">
                {b.sublabel}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
