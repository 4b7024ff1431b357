import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimeRange } from './layout/time-layout';
import { coversFull, zoomArgs } from './layout/time-zoom';

/** How the chart reports a new view: null, null for the whole history. */
export type OnZoom = (fromMs: number | null, toMs: number | null) => void;

/** Quiet time after the last wheel notch or key press before the new view is asked for. */
const SETTLE_MS = 220;

const same = (a: TimeRange, b: TimeRange) => a.startMs === b.startMs && a.endMs === b.endMs;

/**
 * The view a zoomable chart shows: the data's own, or a zoom previewed at once with the data already loaded while the
 * wheel or keys are still moving (reported through onZoom once they settle, so one gesture is one request). A preview
 * belongs to the view it started from and is dropped as soon as new data brings another view.
 */
export function useTimeZoom(dataView: TimeRange, full: TimeRange, onZoom: OnZoom) {
  const [pending, setPending] = useState<{ base: TimeRange; range: TimeRange } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const report = useRef(onZoom);
  useEffect(() => {
    report.current = onZoom;
  }, [onZoom]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const shown = pending && same(pending.base, dataView) ? pending.range : dataView;

  const emit = useCallback(
    (range: TimeRange) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      const [from, to] = zoomArgs(range, full);
      report.current(from, to);
    },
    [full],
  );

  /** Shows a range now and asks for it once the gesture settles. */
  const preview = useCallback(
    (range: TimeRange) => {
      setPending({ base: dataView, range });
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => emit(range), SETTLE_MS);
    },
    [dataView, emit],
  );

  /** Shows a range and asks for it at once (a finished brush). */
  const commit = useCallback(
    (range: TimeRange) => {
      setPending({ base: dataView, range });
      emit(range);
    },
    [dataView, emit],
  );

  /** Back to the whole history. */
  const reset = useCallback(() => {
    setPending({ base: dataView, range: full });
    emit(full);
  }, [dataView, full, emit]);

  return { shown, zoomed: !coversFull(shown, full), preview, commit, reset };
}
