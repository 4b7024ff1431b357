import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { History } from '../analysis/history';
import { injectEvents, occurrenceSpans } from './inject';
import type { Injection } from './injection';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 2);

/** n minute samples from START + 1 min, each with the given good and total. */
function minutes(n: number, good: number, total: number): History {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = START + (i + 1) * MINUTE;
  return { t, good: new Float64Array(n).fill(good), total: new Float64Array(n).fill(total) };
}

function injection(fields: Partial<Injection>): Injection {
  return { name: 'deploy', startMs: START, durationMinutes: 10, errorRate: 1, repeat: 'once', ...fields };
}

function sum(xs: Float64Array): number {
  return xs.reduce((a, b) => a + b, 0);
}

describe('injected events fail a share of the good requests in the samples they overlap', () => {
  it('turns every good request of a wholly covered minute bad at 100 % and leaves the minutes around it alone', () => {
    const h = minutes(60, 100, 100);
    const out = injectEvents(h, [injection({ startMs: START + 10 * MINUTE, durationMinutes: 5 })], START, START + 60 * MINUTE);
    // Minutes 11..15 (samples stamped at their end, indices 10..14) are covered.
    expect(Array.from(out.history.good.subarray(8, 17))).toEqual([100, 100, 0, 0, 0, 0, 0, 100, 100]);
    expect(out.effects).toEqual([{ occurrences: 1, addedBadEvents: 500 }]);
  });

  it('composes with an existing error rate: 20 % errors and a 50 % injection give 60 % errors', () => {
    const h = minutes(10, 80, 100);
    const out = injectEvents(h, [injection({ errorRate: 0.5, durationMinutes: 10 })], START, START + 10 * MINUTE);
    // 1 − (1 − 0.2)(1 − 0.5) = 0.6
    expect(Array.from(out.history.good)).toEqual(new Array(10).fill(40));
    expect(out.effects[0]!.addedBadEvents).toBe(400);
  });

  it('fails a share in proportion to the part of the minute covered: 30 s of a minute at 100 % fails half of it', () => {
    const h = minutes(3, 100, 100);
    const out = injectEvents(h, [injection({ startMs: START + MINUTE + 30_000, durationMinutes: 0.5 })], START, START + 3 * MINUTE);
    expect(Array.from(out.history.good)).toEqual([100, 50, 100]);
  });

  it('injects only inside the window: an event straddling its start counts its part inside', () => {
    const h = minutes(20, 100, 100);
    const out = injectEvents(h, [injection({ startMs: START, durationMinutes: 10 })], START + 5 * MINUTE, START + 20 * MINUTE);
    expect(Array.from(out.history.good.subarray(0, 12))).toEqual([100, 100, 100, 100, 100, 0, 0, 0, 0, 0, 100, 100]);
    expect(out.effects).toEqual([{ occurrences: 1, addedBadEvents: 500 }]);
  });

  it('leaves samples without traffic untouched', () => {
    const h = minutes(5, 0, 0);
    const out = injectEvents(h, [injection({ durationMinutes: 5 })], START, START + 5 * MINUTE);
    expect(Array.from(out.history.good)).toEqual([0, 0, 0, 0, 0]);
    expect(out.effects[0]!.addedBadEvents).toBe(0);
  });

  it('never changes the history it is given', () => {
    const h = minutes(10, 100, 100);
    injectEvents(h, [injection({ durationMinutes: 10 })], START, START + 10 * MINUTE);
    expect(Array.from(h.good)).toEqual(new Array(10).fill(100));
  });
});

describe('repeating injections occur every day or week from their first start', () => {
  it('counts a weekly 10-minute deploy 4 times in 4 weeks and adds 4 × 10 minutes of its errors', () => {
    const h = minutes(28 * 1440, 1000, 1000);
    const out = injectEvents(h, [injection({ errorRate: 0.005, repeat: 'weekly' })], START, START + 28 * DAY);
    expect(out.effects[0]!.occurrences).toBe(4);
    expect(out.effects[0]!.addedBadEvents).toBeCloseTo(4 * 10 * 1000 * 0.005, 9);
  });

  it('counts the occurrences of a daily event that began before the window only from where the window reaches them', () => {
    const found = occurrenceSpans(injection({ startMs: START - 10 * DAY, repeat: 'daily', durationMinutes: 60 }), START + 30 * MINUTE, START + 3 * DAY);
    // The one at START overlaps the window's first 30 minutes; those at START + 1 and + 2 days lie wholly in it.
    expect(found.occurrences).toBe(3);
    expect(found.spans).toEqual([
      { startMs: START + 30 * MINUTE, endMs: START + 60 * MINUTE },
      { startMs: START + DAY, endMs: START + DAY + 60 * MINUTE },
      { startMs: START + 2 * DAY, endMs: START + 2 * DAY + 60 * MINUTE },
    ]);
  });

  it('merges a daily event longer than a day with its next occurrence, so no minute is failed twice', () => {
    const found = occurrenceSpans(injection({ repeat: 'daily', durationMinutes: 2 * 1440 }), START, START + 3 * DAY);
    expect(found).toEqual({ spans: [{ startMs: START, endMs: START + 3 * DAY }], occurrences: 3 });
  });

  it('counts a one-off outside the window as no occurrence', () => {
    expect(occurrenceSpans(injection({ startMs: START + 5 * DAY }), START, START + DAY)).toEqual({ spans: [], occurrences: 0 });
  });
});

/** A short history of minutes with arbitrary good ≤ total, some without traffic. */
const histories = fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 200 }).map((rows) => {
  const h = minutes(rows.length, 0, 0);
  rows.forEach(([a, b], i) => {
    h.good[i] = Math.min(a, b);
    h.total[i] = Math.max(a, b);
  });
  return h;
});

const injections = fc.record({
  name: fc.constant('event'),
  startMs: fc.integer({ min: START - DAY, max: START + 200 * MINUTE }),
  durationMinutes: fc.double({ min: 0.01, max: 3000, noNaN: true }),
  errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
  repeat: fc.constantFrom('once' as const, 'daily' as const, 'weekly' as const),
});

const WINDOW = [START, START + 200 * MINUTE] as const;

function bad(h: History): number {
  return sum(h.total) - sum(h.good);
}

describe('properties of injected events', () => {
  it('never adds good events and never changes totals', () => {
    fc.assert(
      fc.property(histories, fc.array(injections, { maxLength: 4 }), (h, list) => {
        const out = injectEvents(h, list, ...WINDOW).history;
        expect(out.total).toBe(h.total);
        for (let i = 0; i < h.good.length; i++) expect(out.good[i]!).toBeLessThanOrEqual(h.good[i]!);
      }),
    );
  });

  it('changes nothing at an error rate of 0', () => {
    fc.assert(
      fc.property(histories, injections, (h, one) => {
        const out = injectEvents(h, [{ ...one, errorRate: 0 }], ...WINDOW);
        expect(Array.from(out.history.good)).toEqual(Array.from(h.good));
        expect(out.effects[0]!.addedBadEvents).toBe(0);
      }),
    );
  });

  it('never lowers the bad events when one more injection is added, and adds what it says it added', () => {
    fc.assert(
      fc.property(histories, fc.array(injections, { maxLength: 3 }), injections, (h, list, extra) => {
        const before = injectEvents(h, list, ...WINDOW);
        const after = injectEvents(h, [...list, extra], ...WINDOW);
        expect(bad(after.history)).toBeGreaterThanOrEqual(bad(before.history) - 1e-6);
        const added = after.effects.reduce((a, e) => a + e.addedBadEvents, 0);
        expect(bad(after.history) - bad(h)).toBeCloseTo(added, 4);
      }),
    );
  });
});
