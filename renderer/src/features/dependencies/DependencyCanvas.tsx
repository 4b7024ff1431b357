import { useEffect, useRef, type MouseEvent } from 'react';
import type { FeasibilityStatus } from '#shared/budget/feasibility';
import type { DependencyLayout } from '../../charts/layout/dependency-layout';
import type { GraphModel } from './graph-model';
import { NamedOptions } from '../../components/Options';

// The same colours as the SVG classes in styles.css; a canvas cannot read CSS classes.
const FILL: Readonly<Record<FeasibilityStatus, string>> = { feasible: '#dcfce7', infeasible: '#fee2e2', unknown: '#f3f4f6' };
const STROKE: Readonly<Record<FeasibilityStatus, string>> = { feasible: '#15803d', infeasible: '#b91c1c', unknown: '#6b7280' };

type Props = { model: GraphModel; layout: DependencyLayout; selectedId: number | null; onSelect(id: number): void };

/**
 * The dependency graph drawn on a canvas, for workspaces whose graph has more marks than SVG draws smoothly.
 * Same layout and colours as the SVG; a click selects the box under the pointer, and a list offers keyboard selection.
 */
export function DependencyCanvas({ model, layout, selectedId, onSelect }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    ctx.clearRect(0, 0, layout.width, layout.height);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#374151';
    for (const e of layout.edges) {
      ctx.setLineDash(e.group === null ? [] : [7, 5]);
      ctx.stroke(new Path2D(e.path));
    }
    ctx.setLineDash([]);
    ctx.font = '14px "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    for (const laid of layout.nodes) {
      const n = byId.get(laid.id)!;
      ctx.fillStyle = FILL[n.status];
      ctx.strokeStyle = n.id === selectedId ? '#1d4ed8' : STROKE[n.status];
      ctx.lineWidth = n.id === selectedId ? 4 : 2;
      ctx.fillRect(laid.x - laid.width / 2, laid.y - laid.height / 2, laid.width, laid.height);
      ctx.strokeRect(laid.x - laid.width / 2, laid.y - laid.height / 2, laid.width, laid.height);
      ctx.fillStyle = '#111827';
      ctx.fillText(n.title, laid.x, laid.y - laid.height / 2 + 22);
    }
  }, [model, layout, selectedId]);

  const pick = (ev: MouseEvent<HTMLCanvasElement>) => {
    const rect = ev.currentTarget.getBoundingClientRect();
    const x = ((ev.clientX - rect.left) / rect.width) * layout.width;
    const y = ((ev.clientY - rect.top) / rect.height) * layout.height;
    const hit = layout.nodes.find((n) => Math.abs(n.x - x) <= n.width / 2 && Math.abs(n.y - y) <= n.height / 2);
    if (hit) onSelect(hit.id);
  };

  return (
    <div className="dep-canvas-wrap">
      <label className="field">
        <span>Service</span>
        <select value={selectedId ?? ''} onChange={(e) => onSelect(Number(e.target.value))}>
          <NamedOptions items={model.nodes} />
        </select>
      </label>
      <canvas
        ref={ref}
        className="dep-canvas"
        width={layout.width}
        height={layout.height}
        onClick={pick}
        aria-label={`Dependency graph of ${model.nodes.length} services`}
        data-testid="dependency-canvas"
      />
    </div>
  );
}
