import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, timeScale } from './time-layout';
import {
  MIN_SPAN_MS,
  WHEEL_FACTOR,
  brushRange,
  clampRange,
  coversFull,
  keyZoom,
  panRange,
  toViewX,
  wheelPixels,
  wheelZoom,
  zoomAround,
  zoomArgs,
} from './time-zoom';

const T0 = Date.UTC(2024, 0, 1);
const full = { startMs: T0, endMs: T0 + 30 * DAY_MS };
const range = (startH: number, endH: number) => ({ startMs: T0 + startH * HOUR_MS, endMs: T0 + endH * HOUR_MS });

const inFull = fc.integer({ min: full.startMs - 5 * DAY_MS, max: full.endMs + 5 * DAY_MS });

describe('clampRange', () => {
  it('orders the ends and keeps a range that already fits', () => {
    expect(clampRange(T0 + 5 * HOUR_MS, T0 + 2 * HOUR_MS, full)).toEqual(range(2, 5));
  });

  it('widens a range shorter than the minimum span around its middle', () => {
    expect(clampRange(T0 + 10 * HOUR_MS, T0 + 10 * HOUR_MS + 20 * 60_000, full)).toEqual({
      startMs: T0 + 10 * HOUR_MS - 20 * 60_000,
      endMs: T0 + 11 * HOUR_MS - 20 * 60_000,
    });
  });

  it('shifts a range poking out of the history back inside instead of cutting it', () => {
    expect(clampRange(T0 - 2 * HOUR_MS, T0 + 3 * HOUR_MS, full)).toEqual(range(0, 5));
    expect(clampRange(full.endMs - HOUR_MS, full.endMs + HOUR_MS, full)).toEqual({ startMs: full.endMs - 2 * HOUR_MS, endMs: full.endMs });
  });

  it('gives the whole history for a range wider than it, or a history shorter than the minimum span', () => {
    expect(clampRange(T0 - DAY_MS, full.endMs + DAY_MS, full)).toEqual(full);
    const short = { startMs: T0, endMs: T0 + 10 * 60_000 };
    expect(clampRange(T0, T0 + 60_000, short)).toEqual(short);
  });

  it('always lands inside the history, between the minimum span and the whole of it, in whole ms', () => {
    fc.assert(
      fc.property(inFull, inFull, (a, b) => {
        const r = clampRange(a + 0.4, b, full);
        expect(r.startMs).toBeGreaterThanOrEqual(full.startMs);
        expect(r.endMs).toBeLessThanOrEqual(full.endMs);
        expect(r.endMs - r.startMs).toBeGreaterThanOrEqual(MIN_SPAN_MS);
        expect(Number.isInteger(r.startMs) && Number.isInteger(r.endMs)).toBe(true);
      }),
    );
  });
});

describe('brushRange', () => {
  const x = timeScale(full, 100, 820); // 24 px per day

  it('turns a drag into the range under it, whichever way it went', () => {
    expect(brushRange(148, 124, x, full)).toEqual({ startMs: T0 + DAY_MS, endMs: T0 + 2 * DAY_MS });
  });

  it('treats a drag of a few pixels as a click', () => {
    expect(brushRange(300, 302, x, full)).toBeNull();
  });

  it('widens a brush narrower than the minimum span', () => {
    const r = brushRange(400, 405, x, full, 12 * HOUR_MS)!;
    expect(r.endMs - r.startMs).toBe(12 * HOUR_MS);
  });

  it('stops a drag that leaves the plot at its edge', () => {
    expect(brushRange(40, 124, x, full)).toEqual({ startMs: T0, endMs: T0 + DAY_MS });
    expect(brushRange(796, 900, x, full)).toEqual({ startMs: full.endMs - DAY_MS, endMs: full.endMs });
  });
});

describe('zoomAround and wheelZoom', () => {
  const view = range(0, 100);

  it('keeps the time under the pointer at the same place on screen', () => {
    const pointer = T0 + 20 * HOUR_MS;
    const r = wheelZoom(range(10, 110), pointer, -100, full);
    expect(r.endMs - r.startMs).toBeCloseTo((100 * HOUR_MS) / WHEEL_FACTOR, -1);
    expect((pointer - r.startMs) / (r.endMs - r.startMs)).toBeCloseTo(0.1, 6);
  });

  it('zooms out on a wheel turn down and in on a turn up', () => {
    const out = wheelZoom(range(100, 200), T0 + 150 * HOUR_MS, 300, full);
    const back = wheelZoom(out, T0 + 150 * HOUR_MS, -300, full);
    expect(out.endMs - out.startMs).toBeGreaterThan(100 * HOUR_MS);
    expect(back.startMs).toBeCloseTo(T0 + 100 * HOUR_MS, -2);
    expect(back.endMs).toBeCloseTo(T0 + 200 * HOUR_MS, -2);
  });

  it('stops at the minimum span and at the whole history', () => {
    expect(zoomAround(view, T0, 1e-6, full).endMs - zoomAround(view, T0, 1e-6, full).startMs).toBe(MIN_SPAN_MS);
    expect(zoomAround(view, T0 + 50 * HOUR_MS, 1000, full)).toEqual(full);
  });

  it('never leaves the history however the wheel turns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 120 }),
        inFull,
        fc.integer({ min: -2000, max: 2000 }),
        (startH, spanH, pointer, delta) => {
          const r = wheelZoom(clampRange(T0 + startH * HOUR_MS, T0 + (startH + spanH) * HOUR_MS, full), pointer, delta, full);
          expect(r.startMs).toBeGreaterThanOrEqual(full.startMs);
          expect(r.endMs).toBeLessThanOrEqual(full.endMs);
          expect(r.endMs - r.startMs).toBeGreaterThanOrEqual(MIN_SPAN_MS);
        },
      ),
    );
  });

  it('reads wheel lines and pages as pixels', () => {
    expect(wheelPixels(3, 1)).toBe(99);
    expect(wheelPixels(1, 2)).toBe(800);
    expect(wheelPixels(-120, 0)).toBe(-120);
  });
});

describe('panRange', () => {
  it('moves the view by a share of its span and stops at the ends of the history', () => {
    expect(panRange(range(100, 200), 0.25, full)).toEqual(range(125, 225));
    expect(panRange(range(10, 110), -0.25, full)).toEqual(range(0, 100));
    expect(panRange(range(620, 720), 0.5, full)).toEqual(range(620, 720));
  });
});

describe('keyZoom', () => {
  const view = range(100, 200);

  it('halves and doubles the span around the middle with + and −', () => {
    expect(keyZoom('+', view, full)).toEqual({ kind: 'view', range: range(125, 175) });
    expect(keyZoom('-', view, full)).toEqual({ kind: 'view', range: range(50, 250) });
    expect(keyZoom('=', view, full)).toEqual(keyZoom('+', view, full));
  });

  it('pans with the arrow keys, resets with 0 and ignores other keys', () => {
    expect(keyZoom('ArrowRight', view, full)).toEqual({ kind: 'view', range: range(125, 225) });
    expect(keyZoom('ArrowLeft', view, full)).toEqual({ kind: 'view', range: range(75, 175) });
    expect(keyZoom('0', view, full)).toEqual({ kind: 'reset' });
    expect(keyZoom('a', view, full)).toBeNull();
  });
});

describe('zoomArgs and coversFull', () => {
  it('asks for the whole history with nulls', () => {
    expect(coversFull(full, full)).toBe(true);
    expect(zoomArgs(full, full)).toEqual([null, null]);
    expect(zoomArgs(range(1, 2), full)).toEqual([T0 + HOUR_MS, T0 + 2 * HOUR_MS]);
  });
});

describe('toViewX', () => {
  it('converts a pointer position on a scaled SVG into viewBox units', () => {
    expect(toViewX(250, 50, 480, 960)).toBe(400);
    expect(toViewX(250, 50, 0, 960)).toBe(0);
  });
});
