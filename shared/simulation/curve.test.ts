import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossing, crossings, errorCurve, valueAt, valuesAt } from './curve';
import { Episodes, Segments } from './timeline';
import { SHAPES, trafficProfile, weeklyWeights } from './traffic-profile';

const W = 30 * 1440;
const episodes = fc.array(
  fc.record({
    start: fc.double({ min: 0, max: W, noNaN: true }),
    minutes: fc.double({ min: 1, max: 3000, noNaN: true }),
    rate: fc.double({ min: 0.001, max: 1, noNaN: true }),
  }),
  {
    maxLength: 12,
  },
);

function segmentsOf(list: { start: number; minutes: number; rate: number }[], baseline: number): Segments {
  const ep = new Episodes();
  for (const e of list) ep.push(e.start, e.start + e.minutes, e.rate, 2);
  const seg = new Segments();
  seg.sweep(ep, baseline, W);
  return seg;
}

describe('the budget spent through a window', () => {
  const profile = trafficProfile(weeklyWeights(SHAPES.web), 0.03, Date.UTC(2027, 2, 1), W);

  it('is crossed where its value reaches the level, for several levels at once as for one', () => {
    fc.assert(
      fc.property(
        episodes,
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (list, baseline, raw) => {
          const curve = errorCurve(segmentsOf(list, baseline), baseline, profile);
          const levels = Float64Array.from(raw).sort();
          const out = new Float64Array(levels.length);
          crossings(curve, levels, W, out);
          levels.forEach((x, k) => {
            expect(out[k]).toBe(crossing(curve, x, W));
            if (Number.isFinite(out[k]!)) expect(valueAt(curve, out[k]!)).toBeCloseTo(x, 6);
            else expect(valueAt(curve, W)).toBeLessThanOrEqual(x + 1e-9);
          });
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('reads the same at checkpoints in one walk as one by one', () => {
    fc.assert(
      fc.property(episodes, (list) => {
        const curve = errorCurve(segmentsOf(list, 0.0002), 0.0002, profile);
        const times = Float64Array.from({ length: 31 }, (_, k) => (k * W) / 30);
        const out = new Float64Array(times.length);
        valuesAt(curve, times, out);
        times.forEach((t, k) => expect(out[k]).toBeCloseTo(valueAt(curve, t), 9));
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('never counts more than every request failing, however episodes overlap', () => {
    const seg = segmentsOf(
      [
        { start: 100, minutes: 60, rate: 1 },
        { start: 130, minutes: 60, rate: 1 },
      ],
      0,
    );
    expect(valueAt(errorCurve(seg, 0, null), W)).toBeCloseTo(90, 12);
  });
});
