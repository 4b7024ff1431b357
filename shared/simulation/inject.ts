// Injected events applied to a real history: each occurrence of an injected event fails a share of the requests that
// were still good in the samples it overlaps, so a replay can show the history as it would have been.
import { medianStep } from '../domain/step';
import type { History } from '../analysis/history';
import type { Injection, InjectionRepeat } from './injection';
import { firstAbove } from '../domain/sorted-search';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Time between two starts of a repeating injection: a day or a week of UTC time (no daylight-saving shift); none for a one-off. */
const REPEAT_MS: Readonly<Record<InjectionRepeat, number | null>> = { once: null, daily: DAY_MS, weekly: 7 * DAY_MS };

/** What one injection did to the history: how many of its occurrences overlap the window, and the bad events it added. */
export type InjectionEffect = { occurrences: number; addedBadEvents: number };

/** A history with injected events, and per injection (in the order given) what it did. */
export type Injected = { history: History; effects: InjectionEffect[] };

/** A half-open span of time [startMs, endMs) in UTC ms. */
type Span = { startMs: number; endMs: number };

/**
 * The occurrences of one injection that overlap [fromMs, toMs), clipped to it and merged where they overlap one
 * another (a daily event lasting longer than a day), so no instant is counted twice; and how many occurrences there were.
 */
export function occurrenceSpans(injection: Injection, fromMs: number, toMs: number): { spans: Span[]; occurrences: number } {
  const durationMs = injection.durationMinutes * MINUTE_MS;
  const periodMs = REPEAT_MS[injection.repeat];
  const spans: Span[] = [];
  let occurrences = 0;
  // The first occurrence that can still reach fromMs: those ending at or before it are skipped without a walk.
  let k = periodMs === null ? 0 : Math.max(0, Math.floor((fromMs - durationMs - injection.startMs) / periodMs));
  for (; ; k++) {
    const startMs = injection.startMs + k * (periodMs ?? 0);
    if (startMs >= toMs || (periodMs === null && k > 0)) break;
    const endMs = startMs + durationMs;
    if (endMs <= fromMs) continue;
    occurrences++;
    const clipped = { startMs: Math.max(startMs, fromMs), endMs: Math.min(endMs, toMs) };
    const last = spans.at(-1);
    if (last && clipped.startMs <= last.endMs) last.endMs = Math.max(last.endMs, clipped.endMs);
    else spans.push(clipped);
  }
  return { spans, occurrences };
}

/**
 * Applies injected events to a history within [fromMs, toMs]. A sample stands for the step before its time
 * ((t − step, t], step = the history's median step, as rollingWindows and the exclusions read it). In each sample an
 * occurrence overlaps, a share errorRate × (the overlapped fraction of the sample's step) of its good requests turns
 * bad: a sample wholly covered at error rate r with error rate e before it ends at 1 − (1 − e)(1 − r). Totals never
 * change, so a sample without traffic is untouched. Injections apply in the order given, each to the requests still
 * good after the ones before it, so the result does not depend on the order, only the split of the added bad events
 * does. Repeats are whole days or weeks of UTC time from startMs. The input is never changed: the result has its own
 * good column and shares t and total with the input.
 */
export function injectEvents(h: History, injections: readonly Injection[], fromMs: number, toMs: number): Injected {
  const good = h.good.slice();
  const stepMs = medianStep(h.t) ?? 0;
  const effects = injections.map((injection) => {
    const { spans, occurrences } = occurrenceSpans(injection, fromMs, toMs);
    let added = 0;
    if (injection.errorRate === 0) return { occurrences, addedBadEvents: 0 };
    for (const span of spans) {
      // A lone sample (no step) is hit when its instant lies in the span.
      for (let i = firstAbove(h.t, span.startMs); i < h.t.length && h.t[i]! - stepMs < span.endMs; i++) {
        const t = h.t[i]!;
        const share = stepMs > 0 ? (Math.min(t, span.endMs) - Math.max(t - stepMs, span.startMs)) / stepMs : t < span.endMs ? 1 : 0;
        if (!(share > 0)) continue;
        const failed = good[i]! * injection.errorRate * share;
        good[i] = good[i]! - failed;
        added += failed;
      }
    }
    return { occurrences, addedBadEvents: added };
  });
  return { history: { t: h.t, good, total: h.total }, effects };
}
