import { parseTargetPercent } from './percent';
import { BUDGETING_METHODS, SLI_KINDS, TIERS, type BudgetingMethod, type SliKind, type Tier } from './types';

/** The outcome of checking one form field: the parsed value, or the message to show beside the field. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/** Longest name accepted for a service or an SLI. */
export const MAX_NAME_LENGTH = 100;

/** Longest rolling window, in days, accepted for an objective. */
export const MAX_WINDOW_DAYS = 366;

/** Largest latency threshold accepted, in milliseconds (one hour). */
export const MAX_THRESHOLD_MS = 3_600_000;

// Control characters make names unreadable in lists and unsafe in exported specs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Checks a service or SLI name: trimmed, not empty, not too long, no control characters. */
export function checkName(text: string, what = 'Name'): FieldCheck<string> {
  const name = text.trim();
  if (name === '') return { ok: false, message: `${what} must not be empty` };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, message: `${what} must be at most ${MAX_NAME_LENGTH} characters` };
  if (CONTROL.test(name)) return { ok: false, message: `${what} must not contain control characters` };
  return { ok: true, value: name };
}

/** Checks a rolling window length in days, typed as text or given as a number. */
export function checkWindowDays(input: string | number): FieldCheck<number> {
  const text = String(input).trim().replace(/d$/i, '');
  if (!/^\d+$/.test(text)) return { ok: false, message: `Window must be a whole number of days, not "${String(input).trim()}"` };
  const days = Number(text);
  if (days < 1) return { ok: false, message: 'Window must be at least 1 day' };
  if (days > MAX_WINDOW_DAYS) return { ok: false, message: `Window must be at most ${MAX_WINDOW_DAYS} days` };
  return { ok: true, value: days };
}

/** Checks a latency threshold in milliseconds, typed as text or given as a number. */
export function checkThresholdMs(input: string | number): FieldCheck<number> {
  const text = String(input)
    .trim()
    .replace(/\s*ms$/i, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return { ok: false, message: `Threshold must be a number of milliseconds such as 200, not "${String(input).trim()}"` };
  }
  const ms = Number(text);
  if (ms <= 0) return { ok: false, message: 'Threshold must be above 0 ms' };
  if (ms > MAX_THRESHOLD_MS) return { ok: false, message: `Threshold must be at most ${MAX_THRESHOLD_MS} ms` };
  return { ok: true, value: ms };
}

/** Longest time slice, in minutes: a day. */
export const MAX_SLICE_MINUTES = 1440;

const SLICE_UNIT_MINUTES: Readonly<Record<string, number>> = { '': 1, m: 1, min: 1, h: 60, d: 1440 };

/** Checks a time slice's length: whole minutes from 1 to 1440, typed as 5, 5m, 5 min, 1h or 1d. */
export function checkSliceMinutes(input: string | number): FieldCheck<number> {
  const text = String(input).trim();
  const m = /^(\d+)\s*(m|min|h|d)?$/i.exec(text);
  const minutes = m ? Number(m[1]) * SLICE_UNIT_MINUTES[(m[2] ?? '').toLowerCase()]! : NaN;
  if (!(minutes >= 1 && minutes <= MAX_SLICE_MINUTES)) {
    return { ok: false, message: `Slice length must be a whole number of minutes from 1 to ${MAX_SLICE_MINUTES}, not "${text}"` };
  }
  return { ok: true, value: minutes };
}

/** Checks the share of good events that makes a slice good, typed as a percentage like a target. */
export function checkSliceTarget(text: string): FieldCheck<number> {
  const parsed = parseTargetPercent(text);
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace(/^Target/, 'Slice target') };
}

/** Checks an SLI kind given as text. */
export function checkSliKind(text: string): FieldCheck<SliKind> {
  return (SLI_KINDS as readonly string[]).includes(text)
    ? { ok: true, value: text as SliKind }
    : { ok: false, message: `Kind must be one of ${SLI_KINDS.join(', ')}, not "${text}"` };
}

/** Checks a tier given as text. */
export function checkTier(text: string): FieldCheck<Tier> {
  const tier = TIER_NAMES.get(text.trim().toLowerCase());
  return tier !== undefined
    ? { ok: true, value: tier }
    : { ok: false, message: `Tier must be one of ${TIERS.join(', ')} (the target may also be written performance), not "${text}"` };
}

/** The names a tier is typed by: its own, and the performance target by what people call it. */
const TIER_NAMES: ReadonlyMap<string, Tier> = new Map<string, Tier>([
  ...TIERS.map((t): [string, Tier] => [t, t]),
  ['performance', 'target'],
  ['performance-target', 'target'],
]);

/** Checks a budgeting method given as text. */
export function checkMethod(text: string): FieldCheck<BudgetingMethod> {
  return (BUDGETING_METHODS as readonly string[]).includes(text)
    ? { ok: true, value: text as BudgetingMethod }
    : { ok: false, message: `Budgeting method must be one of ${BUDGETING_METHODS.join(', ')}, not "${text}"` };
}

/** Message for a second service with the same name (names compare case-insensitively). */
export function duplicateServiceMessage(name: string): string {
  return `A service named "${name}" already exists`;
}

/** Message for a second SLI with the same name in one service. */
export function duplicateSliMessage(name: string, service: string): string {
  return `Service "${service}" already has an SLI named "${name}"`;
}
