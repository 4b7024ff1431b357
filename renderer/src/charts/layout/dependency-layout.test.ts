import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  layersOf,
  NODE_DETAIL_ROW,
  layoutDependencies,
  nodeSize,
  FORCE_NODE_LIMIT,
  type DependencyLayout,
  type GraphEdgeInput,
  type GraphNodeInput,
} from './dependency-layout';

const box = (id: number, width = 180, height = 68): GraphNodeInput => ({ id, width, height });

// checkout → payments → ledger, checkout → {db-a, db-b} as a redundancy group, and an unconnected service.
const shopNodes = [box(1), box(2), box(3), box(4, 150), box(5, 150), box(6, 220)];
const shopEdges: GraphEdgeInput[] = [
  { from: 1, to: 2, group: null },
  { from: 2, to: 3, group: null },
  { from: 1, to: 4, group: 'databases' },
  { from: 1, to: 5, group: 'databases' },
];

function expectInside(layout: DependencyLayout) {
  const outside = layout.nodes.filter(
    (n) => n.x - n.width / 2 < 0 || n.y - n.height / 2 < 0 || n.x + n.width / 2 > layout.width || n.y + n.height / 2 > layout.height,
  );
  expect(outside).toEqual([]);
}

function expectNoOverlap(layout: DependencyLayout) {
  const overlapping: [number, number][] = [];
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      if (boxesOverlap(layout.nodes[i]!, layout.nodes[j]!)) overlapping.push([layout.nodes[i]!.id, layout.nodes[j]!.id]);
    }
  }
  expect(overlapping).toEqual([]);
}

/** True when the point lies on the border of the node's box (within `tolerance` pixels outside it). */
function onBorder(layout: DependencyLayout, id: number, x: number, y: number, tolerance: number): boolean {
  const n = layout.nodes.find((m) => m.id === id)!;
  const dx = Math.abs(x - n.x) - n.width / 2;
  const dy = Math.abs(y - n.y) - n.height / 2;
  return Math.max(dx, dy) >= -0.01 && Math.max(dx, dy) <= tolerance && dx <= tolerance && dy <= tolerance;
}

describe('layoutDependencies', () => {
  it('keeps every box inside the picture', () => {
    expectInside(layoutDependencies(shopNodes, shopEdges, { width: 900, height: 500 }));
  });

  it('never lets two boxes overlap', () => {
    expectNoOverlap(layoutDependencies(shopNodes, shopEdges, { width: 900, height: 500 }));
  });

  it('starts each arrow on the border of the dependent box and ends it just outside the box it depends on', () => {
    const layout = layoutDependencies(shopNodes, shopEdges, { width: 900, height: 500 });
    expect(layout.edges.map((e) => [e.from, e.to, e.group])).toEqual(shopEdges.map((e) => [e.from, e.to, e.group]));
    for (const e of layout.edges) {
      expect(onBorder(layout, e.from, e.x1, e.y1, 0.01)).toBe(true);
      expect(onBorder(layout, e.to, e.x2, e.y2, 3.01)).toBe(true);
    }
  });

  it('bends an edge that skips a layer around the boxes in between instead of behind them', () => {
    // a → b → c and a → c: the a → c arrow crosses b's row beside b.
    const layout = layoutDependencies(
      [box(1), box(2), box(3)],
      [
        { from: 1, to: 2, group: null },
        { from: 2, to: 3, group: null },
        { from: 1, to: 3, group: null },
      ],
      { width: 900, height: 400 },
    );
    const long = layout.edges.find((e) => e.from === 1 && e.to === 3)!;
    const b = layout.nodes.find((n) => n.id === 2)!;
    expect(long.via).toHaveLength(1);
    expect(long.via[0]!.y).toBeCloseTo(b.y, 6);
    expect(Math.abs(long.via[0]!.x - b.x)).toBeGreaterThan(b.width / 2);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([1, 2, 3]);
  });

  it('puts group labels where neither a box nor another label is', () => {
    const layout = layoutDependencies(shopNodes, [...shopEdges, { from: 2, to: 4, group: 'databases' }], { width: 900, height: 500 });
    const labels = layout.edges.filter((e) => e.group !== null).map((e) => ({ x: e.labelX, y: e.labelY, width: e.group!.length * 9 + 10, height: 20 }));
    const clash = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
    for (const [i, l] of labels.entries()) {
      expect(layout.nodes.some((n) => clash(n, l))).toBe(false);
      expect(labels.slice(i + 1).some((m) => clash(l, m))).toBe(false);
    }
  });

  it('draws dependents above what they depend on', () => {
    const layout = layoutDependencies(shopNodes, shopEdges, { width: 900, height: 500 });
    const y = (id: number) => layout.nodes.find((n) => n.id === id)!.y;
    expect(y(1)).toBeLessThan(y(2));
    expect(y(2)).toBeLessThan(y(3));
    expect(y(1)).toBeLessThan(y(4));
  });

  it('gives the same picture on every run', () => {
    const a = layoutDependencies(shopNodes, shopEdges, { width: 900, height: 500 });
    const b = layoutDependencies([...shopNodes], [...shopEdges], { width: 900, height: 500 });
    expect(b).toEqual(a);
  });

  it('grows the picture instead of overlapping when the services do not fit the box', () => {
    const many = Array.from({ length: 40 }, (_, i) => box(i + 1));
    const chain = many.slice(1).map((n, i): GraphEdgeInput => ({ from: i + 1, to: n.id, group: i % 3 === 0 ? 'g' : null }));
    const layout = layoutDependencies(many, chain.slice(0, 12), { width: 800, height: 300 });
    expect(layout.height).toBeGreaterThan(300);
    expectInside(layout);
    expectNoOverlap(layout);
  });

  it('places a large graph on its overlap-free seed grid without running the force step', () => {
    const many = Array.from({ length: FORCE_NODE_LIMIT + 1 }, (_, i) => box(i + 1, 150, 49));
    const edges = many.slice(1).map((n): GraphEdgeInput => ({ from: 1, to: n.id, group: null }));
    const layout = layoutDependencies(many, edges, { width: 1600, height: 600 });
    expectInside(layout);
    expectNoOverlap(layout);
  });

  it('returns an empty picture for an empty workspace and ignores edges to unknown services', () => {
    expect(layoutDependencies([], [], { width: 600, height: 300 })).toEqual({ width: 600, height: 300, nodes: [], edges: [] });
    expect(layoutDependencies([box(1)], [{ from: 1, to: 9, group: null }], { width: 600, height: 300 }).edges).toEqual([]);
  });
});

describe('layoutDependencies on any acyclic graph', () => {
  // Edges only from a lower to a higher id, so every generated graph is acyclic like the core's.
  const graphs = fc.integer({ min: 2, max: 24 }).chain((n) =>
    fc.record({
      sizes: fc.array(fc.record({ width: fc.integer({ min: 150, max: 290 }), height: fc.constantFrom(57, 78) }), { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(
        fc
          .tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n }))
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        { maxLength: n * 2, selector: ([a, b]) => `${a}-${b}` },
      ),
      width: fc.integer({ min: 640, max: 1400 }),
    }),
  );

  it('keeps boxes inside, apart, layered, and arrows on their boxes', () => {
    fc.assert(
      fc.property(graphs, ({ sizes, edges, width }) => {
        const nodes = sizes.map((size, i) => ({ id: i + 1, ...size }));
        const layout = layoutDependencies(
          nodes,
          edges.map(([from, to]) => ({ from, to, group: null })),
          { width, height: 400 },
        );
        expectInside(layout);
        expectNoOverlap(layout);
        const y = new Map(layout.nodes.map((n) => [n.id, n.y]));
        for (const e of layout.edges) {
          expect(y.get(e.from)!).toBeLessThan(y.get(e.to)!);
          expect(onBorder(layout, e.from, e.x1, e.y1, 0.01)).toBe(true);
          expect(onBorder(layout, e.to, e.x2, e.y2, 3.01)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('layersOf', () => {
  it('puts each dependency at least one layer below everything that needs it', () => {
    const layers = layersOf(
      [1, 2, 3, 4],
      [
        { from: 1, to: 2, group: null },
        { from: 2, to: 3, group: null },
        { from: 1, to: 3, group: null },
      ],
    );
    expect([...layers.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 0],
    ]);
  });

  it('terminates on a cycle instead of recursing forever', () => {
    const layers = layersOf(
      [1, 2],
      [
        { from: 1, to: 2, group: null },
        { from: 2, to: 1, group: null },
      ],
    );
    expect(layers.size).toBe(2);
  });
});

describe('nodeSize', () => {
  it('widens a box for a long name within bounds and adds a row per detail line', () => {
    expect(nodeSize('db', ['SLO 99.9 %']).width).toBe(160);
    expect(nodeSize('a-very-long-service-name', []).width).toBeGreaterThan(280);
    expect(nodeSize('x'.repeat(100), []).width).toBe(290);
    expect(nodeSize('db', ['a', 'b']).height - nodeSize('db', ['a']).height).toBe(NODE_DETAIL_ROW);
  });
});
