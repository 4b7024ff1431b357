import { HOUR_MS, type TimeRange, type TimeScale } from './time-layout';

/** The narrowest view zooming allows: below an hour a history sampled each minute shows too few points to read. */
export const MIN_SPAN_MS = HOUR_MS;

/** How much one wheel notch (100 px of deltaY) widens the view; its inverse narrows it. */
export const WHEEL_FACTOR = 1.25;

/** A drag shorter than this many viewBox px is a click, not a brush. */
export const MIN_BRUSH_PX = 4;

/**
 * A range put inside the full history: ordered, at least minSpanMs long (widened around its middle), no longer than
 * the history, shifted rather than cut when it pokes out, in whole ms.
 */
export function clampRange(fromMs: number, toMs: number, full: TimeRange, minSpanMs = MIN_SPAN_MS): TimeRange {
  const fullSpan = full.endMs - full.startMs;
  if (fullSpan <= minSpanMs) return { startMs: full.startMs, endMs: full.endMs };
  const lo = Math.min(fromMs, toMs);
  const hi = Math.max(fromMs, toMs);
  const span = Math.round(Math.min(fullSpan, Math.max(minSpanMs, hi - lo)));
  const start = Math.round((lo + hi) / 2 - span / 2);
  const startMs = Math.min(full.endMs - span, Math.max(full.startMs, start));
  return { startMs, endMs: startMs + span };
}

/** Whether a range shows the whole history, so zooming to it is a reset. */
export function coversFull(range: TimeRange, full: TimeRange): boolean {
  return range.startMs <= full.startMs && range.endMs >= full.endMs;
}

/** The onZoom arguments for a range: null, null for the whole history. */
export function zoomArgs(range: TimeRange, full: TimeRange): [number | null, number | null] {
  return coversFull(range, full) ? [null, null] : [range.startMs, range.endMs];
}

/** A pointer's clientX as an x in viewBox units, for an SVG drawn rectLeft..rectLeft+rectWidth on screen. */
export function toViewX(clientX: number, rectLeft: number, rectWidth: number, viewBoxWidth: number): number {
  return rectWidth > 0 ? ((clientX - rectLeft) / rectWidth) * viewBoxWidth : 0;
}

/** The range brushed from x0 to x1 (viewBox px, either order, held inside the scale's range); null for a click. */
export function brushRange(x0: number, x1: number, x: TimeScale, full: TimeRange, minSpanMs = MIN_SPAN_MS): TimeRange | null {
  if (Math.abs(x1 - x0) < MIN_BRUSH_PX) return null;
  const [left = 0, right = 0] = x.range();
  const hold = (px: number) => Math.min(right, Math.max(left, px));
  return clampRange(x.invert(hold(x0)).getTime(), x.invert(hold(x1)).getTime(), full, minSpanMs);
}

/**
 * The view scaled by factor (> 1 widens, < 1 narrows) keeping anchorMs at the same place on screen, the span held
 * between minSpanMs and the whole history before the view is shifted back inside it.
 */
export function zoomAround(view: TimeRange, anchorMs: number, factor: number, full: TimeRange, minSpanMs = MIN_SPAN_MS): TimeRange {
  const span = view.endMs - view.startMs;
  const fullSpan = full.endMs - full.startMs;
  const next = Math.min(fullSpan, Math.max(minSpanMs, span * factor));
  const anchor = Math.min(view.endMs, Math.max(view.startMs, anchorMs));
  const share = span > 0 ? (anchor - view.startMs) / span : 0.5;
  const startMs = anchor - share * next;
  return clampRange(startMs, startMs + next, full, minSpanMs);
}

/** Wheel deltaY in pixels whatever the device reports (lines or pages, WheelEvent.deltaMode 1 and 2). */
export function wheelPixels(deltaY: number, deltaMode: number): number {
  if (deltaMode === 1) return deltaY * 33;
  if (deltaMode === 2) return deltaY * 800;
  return deltaY;
}

/** The view after a wheel turn over pointerMs: down (positive deltaY) zooms out, up zooms in, WHEEL_FACTOR per 100 px. */
export function wheelZoom(view: TimeRange, pointerMs: number, deltaPx: number, full: TimeRange, minSpanMs = MIN_SPAN_MS): TimeRange {
  return zoomAround(view, pointerMs, WHEEL_FACTOR ** (deltaPx / 100), full, minSpanMs);
}

/** The view moved by a share of its own span (negative = earlier), stopping at the ends of the history. */
export function panRange(view: TimeRange, share: number, full: TimeRange): TimeRange {
  const shift = (view.endMs - view.startMs) * share;
  return clampRange(view.startMs + shift, view.endMs + shift, full, 0);
}

/** What a key does to a focused chart. */
export type KeyZoom = { kind: 'view'; range: TimeRange } | { kind: 'reset' } | null;

/** Keyboard zoom: + and − halve or double the span around the middle, ← and → pan by a quarter, 0 shows everything. */
export function keyZoom(key: string, view: TimeRange, full: TimeRange, minSpanMs = MIN_SPAN_MS): KeyZoom {
  const middle = (view.startMs + view.endMs) / 2;
  switch (key) {
    case '+':
    case '=':
      return { kind: 'view', range: zoomAround(view, middle, 0.5, full, minSpanMs) };
    case '-':
    case '_':
      return { kind: 'view', range: zoomAround(view, middle, 2, full, minSpanMs) };
    case 'ArrowLeft':
      return { kind: 'view', range: panRange(view, -0.25, full) };
    case 'ArrowRight':
      return { kind: 'view', range: panRange(view, 0.25, full) };
    case '0':
      return { kind: 'reset' };
    default:
      return null;
  }
}
