import { DateTime } from 'luxon';
import { isKnownTimeZone } from '../budget/calendar';
import { describeRule, floatingRule, fromFloatingMs, parseRule, toFloatingMs, zoneOffsets, type ParsedRule } from './exclusion-rule';
import { medianStep } from '../domain/step';
import type { History } from './history';
import { firstAbove, firstAtLeast } from '../domain/sorted-search';

/** Why a period is left out of the analysis. */
export const EXCLUSION_CATEGORIES = ['maintenance', 'dependency', 'data-quality', 'load-test', 'other'] as const;

/** One exclusion category. */
export type ExclusionCategory = (typeof EXCLUSION_CATEGORIES)[number];

/** Labels for the UI and the CLI. */
export const EXCLUSION_CATEGORY_LABELS: Readonly<Record<ExclusionCategory, string>> = {
  maintenance: 'Planned maintenance',
  dependency: 'Dependency outside our control',
  'data-quality': 'Bad or missing data',
  'load-test': 'Load test',
  other: 'Other',
};

/**
 * A period left out of the analysis: one-off (rrule null) or recurring. The first occurrence starts at startMs (UTC);
 * recurring ones repeat by an RFC 5545 RRULE body such as "FREQ=WEEKLY;BYDAY=SU" (no DTSTART; startMs is it), keeping
 * their wall-clock start time in timeZone across DST changes. Each occurrence lasts durationMinutes.
 */
export type ExclusionSpec = {
  category: ExclusionCategory;
  reason: string;
  startMs: number;
  durationMinutes: number;
  rrule: string | null;
  timeZone: string;
};

/** A stored exclusion: its spec with the service (and optionally the one SLI) it applies to. */
export type Exclusion = ExclusionSpec & { id: number; serviceId: number; sliId: number | null };

/** A half-open span of time [startMs, endMs) in UTC ms. */
export type Interval = { startMs: number; endMs: number };

/** A span excluded by one exclusion. */
export type ExcludedInterval = Interval & { exclusionId: number; category: ExclusionCategory };

/**
 * Most occurrences one exclusion expands to in one call: 137 years of a daily rule, or 5.7 of one with 24 BYHOURs.
 * Past it the earliest occurrences in the span are kept and the rest left out, rather than failing the analysis.
 */
export const MAX_OCCURRENCES = 50_000;

/** Longest occurrence: 31 days (44,640 minutes); a longer gap is a change of service, not a period to leave out. */
export const MAX_EXCLUSION_MINUTES = 31 * 24 * 60;

/** Longest reason, in characters. */
export const MAX_REASON_CHARS = 500;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Checks an RRULE body; on success gives it back normalised (upper case, no "RRULE:" prefix) with a plain-words description. */
export function checkRrule(text: string): { ok: true; value: string; description: string } | { ok: false; message: string } {
  const rule = parseRule(text);
  if (typeof rule === 'string') return { ok: false, message: rule };
  return { ok: true, value: rule.value, description: describeRule(rule) };
}

function wallClock(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * Checks a whole spec (duration 1 min..31 days, a reason of 1..500 chars, known zone, valid rule), with the field at
 * fault. A recurring spec must start on one of its rule's occurrences, so that startMs really is the first one.
 */
export function checkExclusion(spec: ExclusionSpec): { ok: true; value: ExclusionSpec } | { ok: false; field: keyof ExclusionSpec; message: string } {
  if (!(EXCLUSION_CATEGORIES as readonly string[]).includes(spec.category)) {
    return { ok: false, field: 'category', message: `Category must be one of ${EXCLUSION_CATEGORIES.join(', ')}` };
  }
  const reason = typeof spec.reason === 'string' ? spec.reason.trim() : '';
  if (reason === '') return { ok: false, field: 'reason', message: 'Say why this period is left out (e.g. the change ticket)' };
  if (reason.length > MAX_REASON_CHARS) return { ok: false, field: 'reason', message: `Reason is ${reason.length} characters; keep it to ${MAX_REASON_CHARS}` };
  if (!Number.isSafeInteger(spec.startMs)) return { ok: false, field: 'startMs', message: 'Start must be a time in whole milliseconds' };
  if (!Number.isInteger(spec.durationMinutes) || spec.durationMinutes < 1 || spec.durationMinutes > MAX_EXCLUSION_MINUTES) {
    return {
      ok: false,
      field: 'durationMinutes',
      message: `Duration must be a whole number of minutes from 1 to ${MAX_EXCLUSION_MINUTES.toLocaleString('en-US')} (31 days)`,
    };
  }
  const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone.trim() : '';
  if (!isKnownTimeZone(timeZone))
    return { ok: false, field: 'timeZone', message: `Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin or UTC` };
  if (spec.rrule === null) return { ok: true, value: { ...spec, reason, timeZone } };
  const rule = parseRule(spec.rrule);
  if (typeof rule === 'string') return { ok: false, field: 'rrule', message: rule };
  const zone = zoneOffsets(timeZone);
  const first = floatingRule(rule, spec.startMs, zone).after(new Date(toFloatingMs(spec.startMs, zone)), true);
  if (first === null)
    return { ok: false, field: 'rrule', message: `The rule never repeats from ${wallClock(spec.startMs, timeZone)} on (check COUNT and UNTIL)` };
  const firstMs = fromFloatingMs(first.getTime(), zone);
  // Compared as wall-clock times, so a start in the second pass of a fall-back hour is still on the rule.
  if (first.getTime() !== toFloatingMs(spec.startMs, zone)) {
    return {
      ok: false,
      field: 'startMs',
      message: `${wallClock(spec.startMs, timeZone)} (${timeZone}) is not ${describeRule(rule)}: start on the first occurrence, ${wallClock(firstMs, timeZone)}`,
    };
  }
  return { ok: true, value: { ...spec, reason, timeZone, rrule: rule.value } };
}

/** Adds the occurrences of one exclusion that overlap [fromMs, toMs), clipped, at most MAX_OCCURRENCES of them. */
function expandOne(ex: Exclusion, rule: ParsedRule | null, fromMs: number, toMs: number, out: ExcludedInterval[]): void {
  const durationMs = ex.durationMinutes * MINUTE_MS;
  const push = (startMs: number): void => {
    const s = Math.max(startMs, fromMs);
    const e = Math.min(startMs + durationMs, toMs);
    if (s < e) out.push({ startMs: s, endMs: e, exclusionId: ex.id, category: ex.category });
  };
  if (rule === null) {
    push(ex.startMs);
    return;
  }
  const zone = zoneOffsets(ex.timeZone);
  // Zone offsets stay within a day, so a day's margin each side of the floating span catches every candidate.
  const after = new Date(toFloatingMs(fromMs - durationMs, zone) - DAY_MS);
  const before = new Date(toFloatingMs(toMs, zone) + DAY_MS);
  let kept = 0;
  floatingRule(rule, ex.startMs, zone).between(after, before, true, (d) => {
    const startMs = fromFloatingMs(d.getTime(), zone);
    if (startMs < toMs && startMs + durationMs > fromMs) {
      push(startMs);
      kept++;
    }
    return kept < MAX_OCCURRENCES;
  });
}

/**
 * The occurrences of the exclusions that overlap [fromMs, toMs), sorted by start, each clipped to that span.
 * Recurring rules are expanded in the exclusion's wall-clock time (rrule's floating time) and each occurrence is
 * turned into an instant with luxon, so "Sundays 02:00 Europe/Berlin" stays at 02:00 local across DST; on a night
 * that skips 02:00 it starts when the clocks jump (03:00 local, the gap's length later). An exclusion whose rule
 * cannot be read (it was checked when saved) is left out; each gives at most MAX_OCCURRENCES occurrences.
 */
export function expandExclusions(list: readonly Exclusion[], fromMs: number, toMs: number): ExcludedInterval[] {
  const out: ExcludedInterval[] = [];
  if (!(fromMs < toMs)) return out;
  for (const ex of list) {
    if (!isKnownTimeZone(ex.timeZone) || !(ex.durationMinutes > 0)) continue;
    const rule = ex.rrule === null ? null : parseRule(ex.rrule);
    if (typeof rule === 'string') continue;
    expandOne(ex, rule, fromMs, toMs, out);
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.exclusionId - b.exclusionId);
}

/** Sorted, disjoint intervals covering the same time as the given ones. */
function union(intervals: readonly Interval[]): Interval[] {
  let sorted = true;
  for (let i = 1; i < intervals.length && sorted; i++) sorted = intervals[i - 1]!.startMs <= intervals[i]!.startMs;
  const list = sorted ? intervals : [...intervals].sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const { startMs, endMs } of list) {
    if (!(endMs > startMs)) continue;
    const last = merged[merged.length - 1];
    if (last && startMs <= last.endMs) last.endMs = Math.max(last.endMs, endMs);
    else merged.push({ startMs, endMs });
  }
  return merged;
}

/** Indices of the samples whose interval (t − step, t] the disjoint sorted spans cover by at least half. */
function droppedIndices(t: Float64Array, spans: readonly Interval[], step: number): number[] {
  const dropped: number[] = [];
  let i = 0;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    // Only samples ending after a span starts can overlap it; binary search skips the untouched ones between spans.
    i = step === 0 ? firstAtLeast(t, span.startMs, i) : firstAbove(t, span.startMs, i);
    for (; i < t.length && t[i]! - step < span.endMs; i++) {
      const b = t[i]!;
      if (step === 0) {
        if (b < span.endMs) dropped.push(i);
        continue;
      }
      const a = b - step;
      // The sample missed every earlier span (it was not reached while walking them), so count this one and later ones.
      let overlap = 0;
      for (let q = k; q < spans.length && spans[q]!.startMs < b; q++) overlap += Math.min(spans[q]!.endMs, b) - Math.max(spans[q]!.startMs, a);
      if (overlap * 2 >= step) dropped.push(i);
    }
  }
  return dropped;
}

/**
 * The history without the samples whose interval (t − step, t] overlaps an excluded span by at least half: they are
 * dropped (not zeroed), so windows containing them hold fewer samples. Also reports what was left out. The step is
 * the history's median step; a history of one sample (no step) drops it when its time lies in an excluded span.
 * Only samples near a span are looked at and kept runs are block-copied, so a year of minutes takes milliseconds;
 * the same history comes back when nothing is dropped.
 */
export function applyExclusions(
  h: History,
  intervals: readonly Interval[],
): { history: History; droppedSamples: number; droppedGood: number; droppedTotal: number } {
  const dropped = droppedIndices(h.t, union(intervals), medianStep(h.t) ?? 0);
  if (dropped.length === 0) return { history: h, droppedSamples: 0, droppedGood: 0, droppedTotal: 0 };
  const m = h.t.length - dropped.length;
  const history: History = { t: new Float64Array(m), good: new Float64Array(m), total: new Float64Array(m) };
  let droppedGood = 0;
  let droppedTotal = 0;
  let from = 0;
  let to = 0;
  const copy = (end: number): void => {
    history.t.set(h.t.subarray(from, end), to);
    history.good.set(h.good.subarray(from, end), to);
    history.total.set(h.total.subarray(from, end), to);
    to += end - from;
  };
  for (const i of dropped) {
    copy(i);
    from = i + 1;
    droppedGood += h.good[i]!;
    droppedTotal += h.total[i]!;
  }
  copy(h.t.length);
  return { history, droppedSamples: dropped.length, droppedGood, droppedTotal };
}
