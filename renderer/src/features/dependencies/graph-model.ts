import { edgesOf } from '#shared/budget/dependencies';
import { assessAll, formatAvailability, type Feasibility, type FeasibilityStatus } from '#shared/budget/feasibility';
import { formatPpmPercent } from '#shared/domain/percent';
import type { Service } from '#shared/domain/types';
import { nodeSize, type GraphEdgeInput } from '../../charts/layout/dependency-layout';

/** What a service's box says and how big it is. */
export type GraphNodeModel = {
  id: number;
  name: string;
  /** The name as drawn, shortened with an ellipsis when it would not fit the widest box. */
  title: string;
  details: string[];
  status: FeasibilityStatus;
  /** The sentence a screen reader hears for the box. */
  label: string;
  width: number;
  height: number;
};

/** The graph of a workspace: a box per service, an arrow per dependency, and each service's feasibility. */
export type GraphModel = { nodes: GraphNodeModel[]; edges: GraphEdgeInput[]; feasibility: Map<number, Feasibility> };

/** Longest title drawn in full; longer names are cut with an ellipsis (the full name is in the tooltip). */
export const MAX_TITLE_CHARS = 22;

/** Words for each feasibility status, used by the legend, the boxes and screen readers. */
export const STATUS_TEXT: Readonly<Record<FeasibilityStatus, string>> = {
  feasible: 'SLO within its ceiling',
  infeasible: 'SLO above its ceiling',
  unknown: 'nothing to check (no availability SLO, or no dependency with one)',
};

const STATUS_MARK: Readonly<Record<FeasibilityStatus, string>> = { feasible: '✓ ', infeasible: '⚠ ', unknown: '' };

/** Builds the boxes and arrows of the dependency graph, services in name order so the picture does not depend on ids. */
export function buildGraphModel(services: readonly Service[]): GraphModel {
  const feasibility = assessAll(services);
  const sorted = [...services].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const nodes = sorted.map((s): GraphNodeModel => {
    const f = feasibility.get(s.id)!;
    const slo = f.sloPpm === null ? 'no availability SLO' : `SLO ${formatPpmPercent(f.sloPpm)} %`;
    const ceiling = f.ceiling.ceiling === null ? null : `${STATUS_MARK[f.status]}ceiling ${formatAvailability(f.ceiling.ceiling)}`;
    const details = ceiling === null ? [slo] : [slo, ceiling];
    const title = s.name.length > MAX_TITLE_CHARS ? `${s.name.slice(0, MAX_TITLE_CHARS - 1)}…` : s.name;
    const label = `${s.name}: ${details.join(', ')}; ${STATUS_TEXT[f.status]}`;
    return { id: s.id, name: s.name, title, details, status: f.status, label, ...nodeSize(title, details) };
  });
  return { nodes, edges: edgesOf(sorted).map((e) => ({ from: e.serviceId, to: e.dependsOnId, group: e.redundancyGroup })), feasibility };
}

/** Marks a picture draws (boxes, arrows, labels); above MAX_SVG_MARKS the graph is drawn on a canvas instead. */
export function markCount(model: GraphModel): number {
  return model.nodes.length * 2 + model.edges.length * 2;
}

/** The most marks drawn as SVG elements before switching to canvas (docs/architecture.md §9.6). */
export const MAX_SVG_MARKS = 5000;
