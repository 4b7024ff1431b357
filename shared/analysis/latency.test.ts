import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLatencyCounter, LATENCY_GRID_MS, latencyBounds } from '../importers/latency';
import { judgeLatency } from './latency';

const t = Float64Array.of(60_000, 120_000, 180_000);

describe('judging a latency history at a threshold', () => {
  it('counts a value at or under the threshold as good, each sample being one event', () => {
    const h = { t, good: Float64Array.of(1, 1, 1), total: Float64Array.of(1, 1, 1) };
    const latency = { kind: 'values' as const, unit: 'ms' as const, valuesMs: Float64Array.of(150, 150.001, 200) };
    expect(judgeLatency(h, latency, 150)).toEqual({ ok: true, history: { t, good: Float64Array.of(1, 0, 0), total: h.total } });
    expect(judgeLatency(h, latency, 200)).toEqual({ ok: true, history: { t, good: Float64Array.of(1, 1, 1), total: h.total } });
  });

  it('reads per-bound counts at a stored bound, and refuses any other threshold naming the nearest bounds', () => {
    const h = { t, good: Float64Array.of(5, 4, 2), total: Float64Array.of(5, 4, 2) };
    const latency = {
      kind: 'counts' as const,
      unit: 'us' as const,
      boundsMs: [150, 175, 200],
      atOrBelow: [Float64Array.of(2, 4, 0), Float64Array.of(2, 4, 1), Float64Array.of(3, 4, 1)],
    };
    expect(judgeLatency(h, latency, 175)).toEqual({ ok: true, history: { t, good: Float64Array.of(2, 4, 1), total: h.total } });
    expect(judgeLatency(h, latency, 180)).toEqual({
      ok: false,
      message:
        'This history kept request counts at 3 latency bounds, not at 180 ms (the nearest are 175 ms and 200 ms): choose one of those thresholds, or delete this import and import the log again to count requests at 180 ms',
    });
  });
});

describe('judging per-bound counts between two bounds', () => {
  const h = { t, good: Float64Array.of(5, 4, 2), total: Float64Array.of(5, 4, 2) };
  const counts = (atOrBelow: Float64Array[]) => ({ kind: 'counts' as const, unit: 'ms' as const, boundsMs: [100, 200], atOrBelow });

  it('is exact when the counts at the two bounds are the same in every sample: no request lies between them', () => {
    const latency = counts([Float64Array.of(3, 4, 1), Float64Array.of(3, 4, 1)]);
    expect(judgeLatency(h, latency, 150)).toEqual({ ok: true, history: { t, good: Float64Array.of(3, 4, 1), total: h.total } });
  });

  it('is exact above the last bound when every request is at or under it, and below the first when none is', () => {
    const all = counts([Float64Array.of(0, 0, 0), Float64Array.of(5, 4, 2)]);
    expect(judgeLatency(h, all, 900)).toEqual({ ok: true, history: { t, good: Float64Array.of(5, 4, 2), total: h.total } });
    expect(judgeLatency(h, all, 50)).toEqual({ ok: true, history: { t, good: Float64Array.of(0, 0, 0), total: h.total } });
    const some = counts([Float64Array.of(1, 0, 0), Float64Array.of(4, 4, 2)]);
    expect(judgeLatency(h, some, 900)).toMatchObject({ ok: false, message: expect.stringContaining('(the nearest is 200 ms)') });
    expect(judgeLatency(h, some, 50)).toMatchObject({ ok: false, message: expect.stringContaining('(the nearest is 100 ms)') });
  });
});

describe('counting bucketed latencies at the bounds', () => {
  it("keeps 46 round bounds from 1 ms to 100 s, neighbours at most 1.5 times apart, with a source's own thresholds added once", () => {
    expect(LATENCY_GRID_MS).toHaveLength(46);
    expect(LATENCY_GRID_MS.slice(0, 10)).toEqual([1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10]);
    for (let i = 1; i < LATENCY_GRID_MS.length; i++) expect(LATENCY_GRID_MS[i]! / LATENCY_GRID_MS[i - 1]!).toBeLessThanOrEqual(1.5);
    expect(latencyBounds([175, 200, 175]).filter((b) => b > 140 && b < 260)).toEqual([150, 175, 200, 250]);
  });

  it('gives, per bucket and bound, exactly the events at or under the bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 300, noNaN: true })), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 }),
        (events, thresholds) => {
          const bounds = [...thresholds].sort((a, b) => a - b);
          const counter = createLatencyCounter(bounds);
          for (const [bucket, ms] of events) counter.add(bucket, ms);
          const buckets = [0, 1, 2, 3];
          const columns = counter.finish(buckets);
          bounds.forEach((bound, k) =>
            buckets.forEach((bucket, i) => {
              expect(columns[k]![i]).toBe(events.filter(([b, ms]) => b === bucket && ms <= bound).length);
            }),
          );
        },
      ),
    );
  });
});

describe("judging an access log's counts at any threshold", () => {
  it('gives exactly the requests at or under it, or refuses; never an approximate count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 80 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        (events, thresholds, thresholdMs) => {
          const boundsMs = [...thresholds].sort((a, b) => a - b);
          const counter = createLatencyCounter(boundsMs);
          for (const [bucket, ms] of events) counter.add(bucket, ms);
          const buckets = [0, 1, 2, 3, 4];
          const total = Float64Array.from(buckets, (b) => events.filter(([e]) => e === b).length);
          const h = { t: Float64Array.from(buckets, (b) => (b + 1) * 60_000), good: total, total };
          const judged = judgeLatency(h, { kind: 'counts', unit: 'ms', boundsMs, atOrBelow: counter.finish(buckets) }, thresholdMs);
          if (boundsMs.includes(thresholdMs)) expect(judged.ok).toBe(true);
          if (judged.ok) expect([...judged.history.good]).toEqual(buckets.map((b) => events.filter(([e, ms]) => e === b && ms <= thresholdMs).length));
        },
      ),
      { numRuns: 500 },
    );
  });
});
