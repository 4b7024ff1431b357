import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttb, visibleRange, type XY } from './downsample';

const RUNS = { numRuns: 200, seed: 20_130_601 };
const MINUTE = 60_000;

function line(ys: ArrayLike<number>, x0 = 1_700_000_000_000, stepMs = MINUTE): XY {
  return { x: Float64Array.from({ length: ys.length }, (_, i) => x0 + i * stepMs), y: Float64Array.from(ys) };
}

/** Twice the area of the triangle a, b, c. */
function area(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay));
}

// y values with NaN runs (missing data) about a tenth of the time.
const ys = fc.array(fc.oneof({ arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 9 }, { arbitrary: fc.constant(NaN), weight: 1 }), {
  minLength: 1,
  maxLength: 400,
});

describe('lttb', () => {
  it('passes an input that already fits through unchanged', () => {
    const small = line([1, 2, 3, 4, 5]);
    expect(lttb(small, 5)).toBe(small);
    expect(lttb(small, 1_500)).toBe(small);
  });

  it('keeps the first and last points and returns exactly threshold points', () => {
    const data = line(Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50)));
    const out = lttb(data, 100);
    expect(out.x.length).toBe(100);
    expect(out.y.length).toBe(100);
    expect([out.x[0], out.y[0]]).toEqual([data.x[0], data.y[0]]);
    expect([out.x[99], out.y[99]]).toEqual([data.x[9_999], data.y[9_999]]);
  });

  it('picks the spike and the dip in an otherwise flat line', () => {
    const values = new Float64Array(525_600).fill(0.999);
    values[123_456] = 0.2;
    values[400_000] = 1.5;
    const out = lttb(line(values), 1_500);
    const kept = Array.from(out.y);
    expect(kept).toContain(0.2);
    expect(kept).toContain(1.5);
    expect(out.x[kept.indexOf(0.2)]).toBe(line(values).x[123_456]);
  });

  it('chooses in every bucket the point of largest triangle with the previous choice and the next bucket average', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 4, maxLength: 300 }),
        fc.integer({ min: 3, max: 60 }),
        (values, threshold) => {
          const data = line(values, 0, 1);
          const n = values.length;
          const out = lttb(data, threshold);
          if (n <= threshold) return;
          const buckets = threshold - 2;
          const start = (b: number): number => (b >= buckets ? n - 1 : Math.floor((b * (n - 2)) / buckets) + 1);
          for (let b = 0; b < buckets; b++) {
            const [from, to, nextTo] = [start(b), start(b + 1), b + 1 >= buckets ? n : start(b + 2)];
            const next = values.slice(to, nextTo);
            const cx = (to + nextTo - 1) / 2;
            const cy = next.reduce((s, v) => s + v, 0) / next.length;
            const [ax, ay] = [out.x[b]!, out.y[b]!];
            const chosen = area(ax, ay, out.x[b + 1]!, out.y[b + 1]!, cx, cy);
            expect(out.x[b + 1]!).toBeGreaterThanOrEqual(from);
            expect(out.x[b + 1]!).toBeLessThan(to);
            for (let i = from; i < to; i++) expect(area(ax, ay, i, values[i]!, cx, cy)).toBeLessThanOrEqual(chosen * (1 + 1e-9) + 1e-9);
          }
        },
      ),
      RUNS,
    );
  });

  it('keeps x strictly increasing, within threshold, and chooses only input points with a value', () => {
    fc.assert(
      fc.property(ys, fc.integer({ min: 3, max: 500 }), (values, threshold) => {
        const data = line(values);
        const out = lttb(data, threshold);
        expect(out.x.length).toBe(Math.min(threshold, values.length));
        for (let i = 1; i < out.x.length; i++) expect(out.x[i]!).toBeGreaterThan(out.x[i - 1]!);
        expect(out.x[0]).toBe(data.x[0]);
        expect(out.x.at(-1)).toBe(data.x.at(-1));
        for (let i = 0; i < out.x.length; i++) {
          const index = (out.x[i]! - data.x[0]!) / MINUTE;
          // A NaN point is a gap marker at an input x; any other is an input point unchanged.
          expect(Number.isInteger(index)).toBe(true);
          if (!Number.isNaN(out.y[i]!)) expect(out.y[i]).toBe(values[index]);
        }
      }),
      RUNS,
    );
  });

  it('never chooses a NaN point, and marks a gap wider than a bucket with NaN so the line breaks there', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i >= 40_000 && i < 50_000 ? NaN : 0.99 + (i % 7) / 1_000));
    const data = line(values);
    const out = lttb(data, 1_000);
    const gapFrom = data.x[40_000]!;
    const gapTo = data.x[49_999]!;
    let markers = 0;
    for (let i = 0; i < out.x.length; i++) {
      const inGap = out.x[i]! >= gapFrom && out.x[i]! <= gapTo;
      if (Number.isNaN(out.y[i]!)) {
        markers++;
        expect(inGap).toBe(true);
      } else {
        expect(inGap).toBe(false);
      }
    }
    // 10,000 missing points are about 100 buckets of ~100.
    expect(markers).toBeGreaterThanOrEqual(98);
  });

  it('bridges a gap narrower than a bucket instead of marking it', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i >= 40_010 && i < 40_030 ? NaN : 1));
    const out = lttb(line(values), 1_000);
    expect(Array.from(out.y).some(Number.isNaN)).toBe(false);
  });

  it('keeps the first and last points even when they have no value, and chooses around them', () => {
    const values = Array.from({ length: 1_000 }, (_, i) => (i < 3 || i > 995 ? NaN : i % 10));
    const out = lttb(line(values), 50);
    expect(out.y[0]).toBeNaN();
    expect(out.y.at(-1)).toBeNaN();
    expect(Array.from(out.y.subarray(1, -1)).every((v) => !Number.isNaN(v))).toBe(true);
  });

  it('returns only gap markers for a line with no values', () => {
    const out = lttb(line(new Float64Array(100).fill(NaN)), 10);
    expect(out.x.length).toBe(10);
    expect(Array.from(out.y).every(Number.isNaN)).toBe(true);
  });

  it('refuses a threshold below 3 and columns of different lengths', () => {
    expect(() => lttb(line([1, 2, 3, 4]), 2)).toThrow(RangeError);
    expect(() => lttb(line([1, 2, 3, 4]), 3.5)).toThrow(RangeError);
    expect(() => lttb({ x: new Float64Array(4), y: new Float64Array(3) }, 3)).toThrow(RangeError);
  });
});

describe('visibleRange', () => {
  const x = Float64Array.from([10, 20, 30, 40, 50, 60]);

  it('widens the points inside the range by one each side', () => {
    expect(visibleRange(x, 25, 45)).toEqual({ from: 1, to: 5 });
  });

  it('counts points exactly on the range ends as inside', () => {
    expect(visibleRange(x, 20, 40)).toEqual({ from: 0, to: 5 });
  });

  it('clamps at the ends of the data', () => {
    expect(visibleRange(x, 0, 1_000)).toEqual({ from: 0, to: 6 });
    expect(visibleRange(x, 10, 60)).toEqual({ from: 0, to: 6 });
  });

  it('gives the two points around a range that falls between samples', () => {
    expect(visibleRange(x, 31, 39)).toEqual({ from: 2, to: 4 });
  });

  it('gives the nearest end point for a range wholly before or after the data', () => {
    expect(visibleRange(x, 0, 5)).toEqual({ from: 0, to: 1 });
    expect(visibleRange(x, 70, 80)).toEqual({ from: 5, to: 6 });
  });

  it('is empty for no data and for an inverted or NaN range', () => {
    expect(visibleRange(new Float64Array(0), 0, 10)).toEqual({ from: 0, to: 0 });
    expect(visibleRange(x, 45, 25)).toEqual({ from: 0, to: 0 });
    expect(visibleRange(x, NaN, 25)).toEqual({ from: 0, to: 0 });
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1_000, max: 1_000 }), { maxLength: 60 }),
        fc.integer({ min: -1_100, max: 1_100 }),
        fc.integer({ min: 0, max: 500 }),
        (values, fromX, width) => {
          const xs = Float64Array.from(values.sort((a, b) => a - b));
          const toX = fromX + width;
          const inside = values.map((v, i) => [v, i] as const).filter(([v]) => v >= fromX && v <= toX);
          const firstIn = inside.length ? inside[0]![1] : values.findIndex((v) => v > toX);
          const first = firstIn === -1 ? values.length : firstIn;
          const end = inside.length ? inside.at(-1)![1] + 1 : first;
          expect(visibleRange(xs, fromX, toX)).toEqual({ from: Math.max(0, first - 1), to: Math.min(values.length, end + 1) });
        },
      ),
      RUNS,
    );
  });
});
