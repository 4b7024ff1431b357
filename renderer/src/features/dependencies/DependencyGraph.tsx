import { useMemo } from 'react';
import { layoutDependencies, NODE_DETAIL_ROW, NODE_TITLE_ROW, type DependencyLayout } from '../../charts/layout/dependency-layout';
import { DependencyCanvas } from './DependencyCanvas';
import { markCount, MAX_SVG_MARKS, type GraphModel } from './graph-model';

type Props = { model: GraphModel; selectedId: number | null; onSelect(id: number): void; width?: number; minHeight?: number };

/** Computes the layout once per graph shape and size; the layout is deterministic, so this only saves time. */
export function useDependencyLayout(model: GraphModel, width: number, minHeight: number): DependencyLayout {
  const key = JSON.stringify([model.nodes.map((n) => [n.id, n.width, n.height]), model.edges, width, minHeight]);
  // The key captures everything the layout reads, so the model object itself may change identity freely.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => layoutDependencies(model.nodes, model.edges, { width, height: minHeight }), [key]);
}

/** The dependency graph: a box per service coloured by feasibility, an arrow to each dependency, redundancy groups dashed. */
export function DependencyGraph({ model, selectedId, onSelect, width = 900, minHeight = 420 }: Props) {
  const layout = useDependencyLayout(model, width, minHeight);
  if (markCount(model) > MAX_SVG_MARKS) return <DependencyCanvas model={model} layout={layout} selectedId={selectedId} onSelect={onSelect} />;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nameOf = (id: number) => byId.get(id)?.name ?? `#${id}`;
  return (
    <svg
      className="dep-graph"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      data-testid="dependency-graph"
      role="group"
      aria-label={`Dependency graph of ${model.nodes.length} services`}
    >
      <defs>
        <marker id="dep-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="dep-arrowhead" />
        </marker>
      </defs>
      {layout.edges.map((e) => (
        <g
          key={`${e.from}-${e.to}`}
          className={e.group === null ? 'dep-edge dep-edge-hard' : 'dep-edge dep-edge-group'}
          data-testid={`edge-${nameOf(e.from)}-${nameOf(e.to)}`}
        >
          <title>{`${nameOf(e.from)} depends on ${nameOf(e.to)}${e.group === null ? '' : ` (redundancy group "${e.group}")`}`}</title>
          <path d={e.path} markerEnd="url(#dep-arrow)" />
        </g>
      ))}
      {layout.edges
        .filter((e) => e.group !== null)
        .map((e) => (
          <text key={`label-${e.from}-${e.to}`} className="dep-edge-label" x={e.labelX} y={e.labelY} textAnchor="middle" dominantBaseline="middle">
            {e.group}
          </text>
        ))}
      {layout.nodes.map((laid) => {
        const n = byId.get(laid.id)!;
        const selected = n.id === selectedId;
        const left = laid.x - laid.width / 2;
        const top = laid.y - laid.height / 2;
        return (
          <g
            key={n.id}
            className={`dep-node dep-${n.status}${selected ? ' dep-selected' : ''}`}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={n.label}
            data-testid={`node-${n.name}`}
            data-status={n.status}
            onClick={() => onSelect(n.id)}
            onKeyDown={(ev) => {
              if (ev.key !== 'Enter' && ev.key !== ' ') return;
              ev.preventDefault();
              onSelect(n.id);
            }}
          >
            <title>{n.name}</title>
            <rect className="dep-ring" x={left - 5} y={top - 5} width={laid.width + 10} height={laid.height + 10} rx={14} />
            <rect className="dep-box" x={left} y={top} width={laid.width} height={laid.height} rx={10} />
            <text className="dep-title" x={laid.x} y={top + NODE_TITLE_ROW} textAnchor="middle">
              {n.title}
            </text>
            {n.details.map((d, i) => (
              <text key={i} className="dep-detail" x={laid.x} y={top + NODE_TITLE_ROW + 4 + (i + 1) * NODE_DETAIL_ROW} textAnchor="middle">
                {d}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
