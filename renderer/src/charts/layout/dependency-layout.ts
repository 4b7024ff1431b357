import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

/** A service to place: its id and the size of its box in pixels. */
export type GraphNodeInput = { id: number; width: number; height: number };

/** A dependency to draw: `from` needs `to`, alone (group null) or as one of a redundancy group. */
export type GraphEdgeInput = { from: number; to: number; group: string | null };

/** A placed box: its centre, size and the layer (0 = nothing depends on it) it was seeded in. */
export type LaidNode = GraphNodeInput & { x: number; y: number; layer: number };

/** A placed arrow from the border of `from`'s box to the border of `to`'s box, with where its label goes. */
export type LaidEdge = GraphEdgeInput & { x1: number; y1: number; x2: number; y2: number; labelX: number; labelY: number };

/** The whole picture, in pixels; the height grows when the services need more rows than the box offers. */
export type DependencyLayout = { width: number; height: number; nodes: LaidNode[]; edges: LaidEdge[] };

/** Options of the layout: the box, and how long the force simulation runs. */
export type LayoutOptions = { width: number; height: number; ticks?: number; margin?: number; gap?: number };

/** Above this many services the force step is skipped: the seeded grid is already free of overlaps and O(n). */
export const FORCE_NODE_LIMIT = 400;

const TITLE_CHAR_PX = 11.6;
const DETAIL_CHAR_PX = 9.6;

/** Height of the title row of a box, in pixels. */
export const NODE_TITLE_ROW = 24;

/** Height of each detail row of a box, in pixels. */
export const NODE_DETAIL_ROW = 21;

/** The box a service needs for a bold title line and smaller detail lines (no DOM to measure, so widths are estimated). */
export function nodeSize(title: string, details: string[]): { width: number; height: number } {
  const text = Math.max(title.length * TITLE_CHAR_PX, ...details.map((d) => d.length * DETAIL_CHAR_PX));
  return { width: Math.round(Math.min(290, Math.max(160, text + 28))), height: NODE_TITLE_ROW + details.length * NODE_DETAIL_ROW + 12 };
}

/** Where a ray from the centre of a w×h box towards (dx, dy) leaves the box, plus `pad` pixels. */
function borderPoint(x: number, y: number, w: number, h: number, dx: number, dy: number, pad: number): [number, number] {
  const len = Math.hypot(dx, dy) || 1;
  const t = Math.min(dx === 0 ? Infinity : w / 2 / Math.abs(dx), dy === 0 ? Infinity : h / 2 / Math.abs(dy));
  return [x + dx * t + (dx / len) * pad, y + dy * t + (dy / len) * pad];
}

/**
 * Layers by dependency depth: services nothing depends on sit in layer 0, each dependency at least one layer below
 * everything that needs it. The core refuses cycles; a cycle here is cut where it is met, so the layout never hangs.
 */
export function layersOf(ids: readonly number[], edges: readonly GraphEdgeInput[]): Map<number, number> {
  const parents = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const e of edges) parents.get(e.to)?.push(e.from);
  const layer = new Map<number, number>();
  const visiting = new Set<number>();
  const depth = (id: number): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(parents.get(id) ?? []).map(depth)) + 1;
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  for (const id of ids) depth(id);
  return layer;
}

type SimNode = SimulationNodeDatum & LaidNode & { seedX: number; seedY: number };

/** A small seeded generator, so d3-force's jiggle is the same on every render. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296);
}

/** Seeds each layer as rows of a grid, ordered by where their parents sit, so the start is readable and overlap-free. */
function seed(nodes: readonly GraphNodeInput[], edges: readonly GraphEdgeInput[], o: Required<LayoutOptions>) {
  const layers = layersOf(nodes.map((n) => n.id), edges);
  const cellW = Math.max(...nodes.map((n) => n.width)) + o.gap * 3;
  const cellH = Math.max(...nodes.map((n) => n.height)) + o.gap * 5;
  const columns = Math.max(1, Math.floor((o.width - 2 * o.margin + o.gap * 3) / cellW));
  const byLayer = new Map<number, GraphNodeInput[]>();
  for (const n of nodes) byLayer.set(layers.get(n.id)!, [...(byLayer.get(layers.get(n.id)!) ?? []), n]);
  const xOf = new Map<number, number>();
  const placed: SimNode[] = [];
  let row = 0;
  for (const layer of [...byLayer.keys()].sort((a, b) => a - b)) {
    // One barycentre pass: a node goes under the services that need it, which removes most crossings.
    const members = byLayer.get(layer)!.map((n, i) => {
      const xs = edges.filter((e) => e.to === n.id && xOf.has(e.from)).map((e) => xOf.get(e.from)!);
      return { n, key: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Infinity, i };
    }).sort((a, b) => a.key - b.key || a.i - b.i);
    for (let start = 0; start < members.length; start += columns, row++) {
      const chunk = members.slice(start, start + columns);
      const span = (o.width - 2 * o.margin) / chunk.length;
      chunk.forEach(({ n }, k) => {
        const x = o.margin + span * (k + 0.5);
        const y = o.margin + cellH * row + cellH / 2 - o.gap * 2.5;
        xOf.set(n.id, x);
        placed.push({ ...n, layer, x, y, seedX: x, seedY: y });
      });
    }
  }
  return { placed, height: Math.max(o.height, 2 * o.margin + cellH * row - o.gap * 5) };
}

/** True when two boxes come closer than `gap` pixels. */
export function boxesOverlap(a: LaidNode, b: LaidNode, gap = 0): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap;
}

function clamp(n: SimNode, width: number, height: number, margin: number): void {
  n.x = Math.min(width - margin - n.width / 2, Math.max(margin + n.width / 2, n.x!));
  n.y = Math.min(height - margin - n.height / 2, Math.max(margin + n.height / 2, n.y!));
}

/** Pushes overlapping boxes apart along the axis where they overlap least; returns whether any overlap was left. */
function separate(nodes: SimNode[], gap: number, width: number, height: number, margin: number): boolean {
  let any = false;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (!boxesOverlap(a, b, gap)) continue;
      any = true;
      const ox = (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x);
      const oy = (a.height + b.height) / 2 + gap - Math.abs(a.y - b.y);
      // Ties break by input order, so the result never depends on floating-point luck.
      if (ox < oy) {
        const s = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
        a.x += (s * ox) / 2;
        b.x -= (s * ox) / 2;
      } else {
        const s = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
        a.y += (s * oy) / 2;
        b.y -= (s * oy) / 2;
      }
      clamp(a, width, height, margin);
      clamp(b, width, height, margin);
    }
  }
  return any;
}

/**
 * Lays out the dependency graph: a deterministic layered seed (dependents above what they depend on), relaxed by a
 * d3-force simulation run synchronously for a fixed number of ticks, then clamped into the box with overlaps removed.
 * If overlaps survive (a crowded box), the seed grid is used instead, which never overlaps.
 */
export function layoutDependencies(nodes: readonly GraphNodeInput[], edges: readonly GraphEdgeInput[], options: LayoutOptions): DependencyLayout {
  const o: Required<LayoutOptions> = { ticks: 240, margin: 16, gap: 14, ...options };
  if (nodes.length === 0) return { width: o.width, height: o.height, nodes: [], edges: [] };
  const ids = new Set(nodes.map((n) => n.id));
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const { placed, height } = seed(nodes, kept, o);
  let final: SimNode[] = placed.map((n) => ({ ...n }));
  if (nodes.length <= FORCE_NODE_LIMIT && kept.length > 0) {
    const rowGap = Math.max(...nodes.map((n) => n.height)) + o.gap * 5;
    forceSimulation<SimNode>(final)
      .randomSource(lcg(0x51ab))
      .force('link', forceLink<SimNode, { source: number; target: number }>(kept.map((e) => ({ source: e.from, target: e.to })))
        .id((d) => d.id).distance(rowGap).strength(0.15))
      .force('charge', forceManyBody<SimNode>().strength(-300).distanceMax(o.width / 2))
      .force('x', forceX<SimNode>((d) => d.seedX).strength(0.12))
      .force('y', forceY<SimNode>((d) => d.seedY).strength(0.5))
      .force('collide', forceCollide<SimNode>((d) => d.width / 2 + o.gap).strength(0.7))
      .stop()
      .tick(o.ticks);
    for (const n of final) {
      n.vx = n.vy = undefined;
      clamp(n, o.width, height, o.margin);
    }
    let left = true;
    for (let pass = 0; pass < 60 && left; pass++) left = separate(final, o.gap, o.width, height, o.margin);
    if (left) final = placed.map((n) => ({ ...n }));
  }
  const byId = new Map(final.map((n) => [n.id, n]));
  const laidEdges = kept.map((e): LaidEdge => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    const [x1, y1] = borderPoint(a.x, a.y, a.width, a.height, b.x - a.x, b.y - a.y, 0);
    const [x2, y2] = borderPoint(b.x, b.y, b.width, b.height, a.x - b.x, a.y - b.y, 3);
    return { ...e, x1, y1, x2, y2, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 };
  });
  const laidNodes = final.map(({ id, width, height: h, x, y, layer }) => ({ id, width, height: h, x, y, layer }));
  return { width: o.width, height, nodes: laidNodes, edges: laidEdges };
}
