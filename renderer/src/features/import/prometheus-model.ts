import { DateTime } from 'luxon';
import type { ArgsIn } from '#shared/ipc/contract';
import type { BadRows } from './import-model';

/** The step choices of a live import, in seconds. */
export const STEP_OPTIONS: readonly { seconds: number; label: string }[] = [
  { seconds: 15, label: '15 s' },
  { seconds: 30, label: '30 s' },
  { seconds: 60, label: '1 min' },
  { seconds: 300, label: '5 min' },
  { seconds: 3600, label: '1 h' },
];

// Mirrors the core's DEFAULT_PROMETHEUS_LIMITS (the renderer may not import electron/): the hint explains, the core decides.
/** Points Prometheus returns for one series of one query at most. */
export const PROMETHEUS_MAX_POINTS = 11_000;
/** Steps the workbench asks for in one request, below Prometheus's limit. */
export const POINTS_PER_QUERY = 10_000;
/** Steps one live import may hold in all. */
export const MAX_TOTAL_POINTS = 3_000_000;

/** Everything the user sets for a live Prometheus import, as typed. */
export type PromDraft = {
  url: string;
  kind: 'good-total' | 'error-ratio';
  good: string;
  total: string;
  errorRatio: string;
  /** datetime-local values, in the user's zone. */
  start: string;
  end: string;
  stepSeconds: number;
  onBadRows: BadRows;
};

/** Field messages of the Prometheus form, keyed by field. */
export type PromErrors = Partial<Record<'url' | 'good' | 'total' | 'errorRatio' | 'start' | 'end', string>>;

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** An instant as a datetime-local input shows it in a zone, to the minute. */
export function msToLocalInput(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat(INPUT_FORMAT);
}

/** The instant a datetime-local value names in a zone, or why it names none (empty, malformed, or skipped by DST). */
export function localInputToMs(text: string, timeZone: string): { ok: true; ms: number } | { ok: false; message: string } {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'Enter a date and time.' };
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    return { ok: false, message: `“${value}” is not a date and time such as 2025-03-01T09:30.` };
  }
  // Luxon moves a time inside a DST gap forward; a different read-back means the clocks never showed it.
  if (parsed.toFormat(INPUT_FORMAT) !== value.slice(0, 16)) {
    return { ok: false, message: `${value.replace('T', ' ')} does not exist in ${timeZone}: the clocks jump forward then.` };
  }
  return { ok: true, ms: parsed.toMillis() };
}

/** The default form: a local Prometheus, the last 30 days to the current minute, a 1-minute step, abort on bad rows. */
export function initialPromDraft(nowMs: number, timeZone: string): PromDraft {
  const end = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('minute');
  return {
    url: 'http://localhost:9090',
    kind: 'good-total',
    good: '',
    total: '',
    errorRatio: '',
    start: end.minus({ days: 30 }).toFormat(INPUT_FORMAT),
    end: end.toFormat(INPUT_FORMAT),
    stepSeconds: 60,
    onBadRows: 'abort',
  };
}

/**
 * The plain-language hint under the step: how many points the range holds, and that it is fetched in pieces because
 * Prometheus answers at most 11,000 points per query; a warning when the range is more than one import may hold.
 */
export function rangeHint(startMs: number, endMs: number, stepSeconds: number, kind: PromDraft['kind']): { text: string; tooMany: boolean } {
  const points = Math.floor((endMs - startMs) / (stepSeconds * 1000)) + 1;
  const pieces = Math.ceil(points / POINTS_PER_QUERY);
  const perPiece = kind === 'good-total' ? 2 : 1;
  const count = points.toLocaleString('en-US');
  if (points > MAX_TOTAL_POINTS) {
    return {
      text: `That is ${count} points, more than the ${MAX_TOTAL_POINTS.toLocaleString('en-US')} one import may hold: choose a longer step or a shorter range.`,
      tooMany: true,
    };
  }
  const queries = pieces * perPiece;
  const split =
    pieces === 1
      ? `It fits in one request per query (Prometheus answers at most ${PROMETHEUS_MAX_POINTS.toLocaleString('en-US')} points per query).`
      : `Prometheus answers at most ${PROMETHEUS_MAX_POINTS.toLocaleString('en-US')} points per query, so the range is fetched in ${pieces} pieces (${queries} requests) and joined without overlaps.`;
  return { text: `That is ${count} points per series. ${split}`, tooMany: false };
}

function checkUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // Falls through to the message below.
  }
  return 'The Prometheus address is a URL such as http://localhost:9090.';
}

/** The import/prometheus arguments of a filled-in form, or the messages to show beside its fields. */
export function promImportArgs(
  draft: PromDraft,
  job: { sliId: number; jobId: string; timeZone: string },
): { ok: true; args: ArgsIn<'import/prometheus'> } | { ok: false; errors: PromErrors } {
  const errors: PromErrors = {};
  const url = checkUrl(draft.url);
  if (url) errors.url = url;
  if (draft.kind === 'good-total') {
    if (draft.good.trim() === '') errors.good = 'Give the PromQL that counts good events, e.g. sum(rate(http_requests_total{code!~"5.."}[5m])).';
    if (draft.total.trim() === '') errors.total = 'Give the PromQL that counts all events, e.g. sum(rate(http_requests_total[5m])).';
  } else if (draft.errorRatio.trim() === '') {
    errors.errorRatio = 'Give the PromQL of the error ratio (bad ÷ total, between 0 and 1).';
  }
  const start = localInputToMs(draft.start, job.timeZone);
  const end = localInputToMs(draft.end, job.timeZone);
  if (!start.ok) errors.start = start.message;
  if (!end.ok) errors.end = end.message;
  if (start.ok && end.ok && end.ms <= start.ms) errors.end = 'The end must be after the start.';
  if (start.ok && end.ok && !errors.end && rangeHint(start.ms, end.ms, draft.stepSeconds, draft.kind).tooMany) {
    errors.end = 'The range holds too many points for one import: choose a longer step or a shorter range.';
  }
  if (Object.keys(errors).length > 0 || !start.ok || !end.ok) return { ok: false, errors };
  const query =
    draft.kind === 'good-total'
      ? { kind: 'good-total' as const, good: draft.good.trim(), total: draft.total.trim() }
      : { kind: 'error-ratio' as const, errorRatio: draft.errorRatio.trim() };
  return {
    ok: true,
    args: {
      sliId: job.sliId,
      url: draft.url.trim(),
      query,
      startMs: start.ms,
      endMs: end.ms,
      stepSeconds: draft.stepSeconds,
      onBadRows: draft.onBadRows,
      jobId: job.jobId,
    },
  };
}
