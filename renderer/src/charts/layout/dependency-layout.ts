import { forceLink, forceManyBody, forceSimulation, forceX, type SimulationNodeDatum } from 'd3-force';
import { curveMonotoneY, line } from 'd3-shape';

/** A service to place: its id and the size of its box in pixels. */
export type GraphNodeInput = { id: number; width: number; height: number };

/** A dependency to draw: `from` needs `to`, alone (group null) or as one of a redundancy group. */
export type GraphEdgeInput = { from: number; to: number; group: string | null };

/** A placed box: its centre, size and the layer (0 = nothing depends on it) it was seeded in. */
export type LaidNode = GraphNodeInput & { x: number; y: number; layer: number };

/**
 * A placed arrow from the border of `from`'s box to the border of `to`'s box, bending at `via` where it crosses rows
 * between them (so it passes beside the boxes there, not behind them), with where its label goes.
 */
export type LaidEdge = GraphEdgeInput & {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  via: { x: number; y: number }[];
  labelX: number;
  labelY: number;
  /** SVG path data through the points: straight, or a smooth curve through the waypoints of a bending edge. */
  path: string;
};

/** The whole picture, in pixels; the height grows when the services need more rows than the box offers. */
export type DependencyLayout = { width: number; height: number; nodes: LaidNode[]; edges: LaidEdge[] };

/** Options of the layout: the box, and how long the force simulation runs. */
export type LayoutOptions = { width: number; height: number; ticks?: number; margin?: number; gap?: number };

/** Above this many services the force step is skipped: the seeded rows are already free of overlaps. */
export const FORCE_NODE_LIMIT = 400;

/** Width of the slot a bending edge takes in each row it crosses. */
const VIA_WIDTH = 12;

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

type SimNode = SimulationNodeDatum & LaidNode & { seedX: number; row: number };

/** A small seeded generator, so d3-force's jiggle is the same on every render. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296;
}

/**
 * Seeds the layers as rows, top to bottom, each ordered by where the services that need it sit (one barycentre pass,
 * which removes most crossings). A layer wider than the box wraps onto further rows, so every row fits its width.
 */
function seed(nodes: readonly GraphNodeInput[], edges: readonly GraphEdgeInput[], o: Required<LayoutOptions>) {
  const layers = layersOf(
    nodes.map((n) => n.id),
    edges,
  );
  const inner = o.width - 2 * o.margin;
  const pitch = Math.max(...nodes.map((n) => n.height)) + o.gap * 5;
  const byLayer = new Map<number, GraphNodeInput[]>();
  for (const n of nodes) byLayer.set(layers.get(n.id)!, [...(byLayer.get(layers.get(n.id)!) ?? []), n]);
  const xOf = new Map<number, number>();
  const placed: SimNode[] = [];
  let row = 0;
  const place = (chunk: GraphNodeInput[], layer: number) => {
    const used = chunk.reduce((w, n) => w + n.width, 0);
    const space = (inner - used) / chunk.length;
    let left = o.margin + space / 2;
    for (const n of chunk) {
      const x = left + n.width / 2;
      left += n.width + space;
      xOf.set(n.id, x);
      placed.push({ ...n, layer, row, x, y: o.margin + pitch * row + (pitch - o.gap * 5) / 2, seedX: x });
    }
    row++;
  };
  for (const layer of [...byLayer.keys()].sort((a, b) => a - b)) {
    const members = byLayer
      .get(layer)!
      .map((n, i) => {
        const xs = edges.filter((e) => e.to === n.id && xOf.has(e.from)).map((e) => xOf.get(e.from)!);
        return { n, key: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Infinity, i };
      })
      .sort((a, b) => a.key - b.key || a.i - b.i);
    let chunk: GraphNodeInput[] = [];
    for (const { n } of members) {
      const width = chunk.reduce((w, m) => w + m.width + o.gap * 2, 0) + n.width;
      if (chunk.length > 0 && width > inner) {
        place(chunk, layer);
        chunk = [];
      }
      chunk.push(n);
    }
    place(chunk, layer);
  }
  return { placed, height: Math.max(o.height, 2 * o.margin + pitch * row - o.gap * 5), pitch };
}

/** True when two boxes come closer than `gap` pixels. */
export function boxesOverlap(a: LaidNode, b: LaidNode, gap = 0): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap;
}

/**
 * Packs one row: keeps the boxes' order by x, pushes them apart to at least `wantedGap` (less if the row is full),
 * and back inside [left, right]. The row was seeded to fit, so this always succeeds: no overlap, nothing outside.
 */
function packRow(row: SimNode[], wantedGap: number, left: number, right: number): void {
  row.sort((a, b) => a.x! - b.x! || a.id - b.id);
  const used = row.reduce((w, n) => w + n.width, 0);
  const gap = row.length < 2 ? 0 : Math.max(0, Math.min(wantedGap, (right - left - used) / (row.length - 1)));
  for (let i = 0; i < row.length; i++) {
    const min = i === 0 ? left + row[i]!.width / 2 : row[i - 1]!.x! + (row[i - 1]!.width + row[i]!.width) / 2 + gap;
    row[i]!.x = Math.max(row[i]!.x!, min);
  }
  for (let i = row.length - 1; i >= 0; i--) {
    const max = i === row.length - 1 ? right - row[i]!.width / 2 : row[i + 1]!.x! - (row[i + 1]!.width + row[i]!.width) / 2 - gap;
    row[i]!.x = Math.min(row[i]!.x!, max);
  }
}

type Rect = { x: number; y: number; width: number; height: number };

// Rows go down, so y grows along every edge and a monotone curve through the waypoints never loops back.
const smooth = line<[number, number]>().curve(curveMonotoneY);

const hits = (a: Rect, b: Rect) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

/** Where along a polyline an edge's label goes: the middle, unless a box or another label is there, then the nearest free spot. */
function labelSpot(group: string | null, points: [number, number][], taken: Rect[]): [number, number] {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const at = (t: number): [number, number] => {
    let left = t * total;
    for (let i = 0; i < lengths.length; i++) {
      if (left <= lengths[i]! || i === lengths.length - 1) {
        const f = lengths[i]! === 0 ? 0 : Math.min(1, left / lengths[i]!);
        return [points[i]![0] + (points[i + 1]![0] - points[i]![0]) * f, points[i]![1] + (points[i + 1]![1] - points[i]![1]) * f];
      }
      left -= lengths[i]!;
    }
    return points[0]!;
  };
  if (group === null) return at(0.5);
  const width = group.length * 9 + 10;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const [x, y] = at(t);
    const rect = { x, y, width, height: 20 };
    if (!taken.some((r) => hits(r, rect))) {
      taken.push(rect);
      return [x, y];
    }
  }
  return at(0.5);
}

/** Replaces every edge that spans more than one layer by a chain through waypoints, one per layer it crosses. */
function withWaypoints(nodes: readonly GraphNodeInput[], edges: readonly GraphEdgeInput[]) {
  const layers = layersOf(
    nodes.map((n) => n.id),
    edges,
  );
  const firstWaypoint = Math.max(...nodes.map((n) => n.id)) + 1;
  let next = firstWaypoint;
  const all: GraphNodeInput[] = [...nodes];
  const chained: GraphEdgeInput[] = [];
  const vias = edges.map((e) => {
    const ids: number[] = [];
    let from = e.from;
    for (let k = layers.get(e.from)! + 1; k < layers.get(e.to)!; k++) {
      all.push({ id: next, width: VIA_WIDTH, height: 2 });
      chained.push({ from, to: next, group: null });
      ids.push(next);
      from = next++;
    }
    chained.push({ from, to: e.to, group: null });
    return ids;
  });
  return { all, chained, vias, waypoint: (id: number) => id >= firstWaypoint };
}

/**
 * Lays out the dependency graph in layers, dependents above what they depend on. A deterministic seed (rows by
 * layer, barycentre order) is relaxed sideways by a d3-force simulation run synchronously for a fixed number of ticks,
 * which pulls services towards what they are linked to; each row is then packed so no boxes overlap.
 */
export function layoutDependencies(nodes: readonly GraphNodeInput[], edges: readonly GraphEdgeInput[], options: LayoutOptions): DependencyLayout {
  const o: Required<LayoutOptions> = { ticks: 200, margin: 16, gap: 14, ...options };
  if (nodes.length === 0) return { width: o.width, height: o.height, nodes: [], edges: [] };
  const ids = new Set(nodes.map((n) => n.id));
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const relax = nodes.length <= FORCE_NODE_LIMIT && kept.length > 0;
  // Large graphs keep straight edges: waypoints would multiply the rows' contents.
  const graph = relax ? withWaypoints(nodes, kept) : { all: nodes, chained: kept, vias: kept.map(() => []), waypoint: () => false };
  const { placed, height, pitch } = seed(graph.all, graph.chained, o);
  if (relax) {
    for (const n of placed) n.fy = n.y;
    forceSimulation<SimNode>(placed)
      .randomSource(lcg(0x51ab))
      // Waypoints hang on their edge (strong links, no pull to their seed) so a bending edge stays short.
      .force(
        'link',
        forceLink<SimNode, { source: number; target: number; tight: boolean }>(
          graph.chained.map((e) => ({
            source: e.from,
            target: e.to,
            tight: graph.waypoint(e.from) || graph.waypoint(e.to),
          })),
        )
          .id((d) => d.id)
          .distance(pitch * 0.8)
          .strength((l) => (l.tight ? 0.7 : 0.2)),
      )
      .force(
        'charge',
        forceManyBody<SimNode>()
          .strength((d) => (graph.waypoint(d.id) ? -30 : -250))
          .distanceMax(o.width / 3),
      )
      .force(
        'x',
        forceX<SimNode>((d) => d.seedX).strength((d) => (graph.waypoint(d.id) ? 0 : 0.1)),
      )
      .stop()
      .tick(o.ticks);
    const rows = new Map<number, SimNode[]>();
    for (const n of placed) rows.set(n.row, [...(rows.get(n.row) ?? []), n]);
    for (const row of rows.values()) packRow(row, o.gap * 2, o.margin, o.width - o.margin);
  }
  const at = new Map(placed.map((n) => [n.id, n]));
  const laidNodes = placed.filter((n) => ids.has(n.id)).map(({ id, width, height: h, x, y, layer }) => ({ id, width, height: h, x: x!, y: y!, layer }));
  const taken: Rect[] = [...laidNodes];
  const laidEdges = kept.map((e, i): LaidEdge => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const via = graph.vias[i]!.map((id) => ({ x: at.get(id)!.x!, y: at.get(id)!.y! }));
    const first = via[0] ?? { x: b.x!, y: b.y! };
    const last = via.at(-1) ?? { x: a.x!, y: a.y! };
    const [x1, y1] = borderPoint(a.x!, a.y!, a.width, a.height, first.x - a.x!, first.y - a.y!, 0);
    const [x2, y2] = borderPoint(b.x!, b.y!, b.width, b.height, last.x - b.x!, last.y - b.y!, 3);
    const points: [number, number][] = [[x1, y1], ...via.map((v): [number, number] => [v.x, v.y]), [x2, y2]];
    const [labelX, labelY] = labelSpot(e.group, points, taken);
    const path = via.length === 0 ? `M${x1},${y1}L${x2},${y2}` : (smooth(points) ?? '');
    return { ...e, x1, y1, x2, y2, via, labelX, labelY, path };
  });
  return { width: o.width, height, nodes: laidNodes, edges: laidEdges };
}
