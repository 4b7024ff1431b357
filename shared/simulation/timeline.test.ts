import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSE_INDEX, Episodes, Segments } from './timeline';

const HORIZON = 10_000;
const episode = fc.record({
  start: fc.integer({ min: -100, max: HORIZON }),
  minutes: fc.integer({ min: 1, max: 900 }),
  rate: fc.double({ min: 0.01, max: 0.8, noNaN: true }),
  cause: fc.constantFrom(CAUSE_INDEX.deploys, CAUSE_INDEX.incidents, CAUSE_INDEX.events),
});

describe('episodes swept into segments', () => {
  it('give at every moment min(1, baseline + the active rates) − baseline, whether a few or many, split among the causes', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 120 }), fc.double({ min: 0, max: 0.05, noNaN: true }), (list, baseline) => {
        const ep = new Episodes();
        for (const e of list) ep.push(e.start, e.start + e.minutes, e.rate, e.cause);
        const seg = new Segments();
        seg.sweep(ep, baseline, HORIZON);
        for (let i = 1; i < seg.n; i++) expect(seg.start[i]).toBeGreaterThanOrEqual(seg.end[i - 1]!);
        // Half-minute points never sit on a boundary (all boundaries are whole minutes).
        for (let t = 0.5; t < HORIZON; t += 97) {
          const active = list.filter((e) => e.start <= t && t < e.start + e.minutes);
          const sum = active.reduce((a, e) => a + e.rate, 0);
          expect(seg.extraAt(t)).toBeCloseTo(sum > 0 ? Math.min(1, baseline + sum) - baseline : 0, 9);
          const k = [...Array(seg.n).keys()].find((i) => seg.start[i]! <= t && t < seg.end[i]!);
          if (k !== undefined) {
            const parts = [1, 2, 3, 4].reduce((a, c) => a + seg.byCause[k * 5 + c]!, 0);
            expect(parts).toBeCloseTo(seg.extra[k]!, 9);
          }
        }
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
