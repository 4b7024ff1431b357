import { formatPpmPercent, parseTargetPercent } from '#shared/domain/percent';
import {
  DEFAULT_TIMESLICE,
  type BudgetingMethod,
  type CalendarUnit,
  type Objective,
  type Sli,
  type SloWindow,
  type Tier,
  type Timeslice,
} from '#shared/domain/types';
import { checkSliceMinutes, checkSliceTarget, checkThresholdMs, checkWindowDays } from '#shared/domain/validation';
import { checkTimeZone, DEFAULT_WINDOW } from '#shared/domain/window';

/** The window picker's choices: rolling days, or one of the calendar units. */
export type WindowChoice = 'rolling' | CalendarUnit;

/** Labels of the window picker's choices. */
export const WINDOW_CHOICES: readonly { value: WindowChoice; label: string }[] = [
  { value: 'rolling', label: 'rolling' },
  { value: 'week', label: 'calendar week' },
  { value: 'month', label: 'calendar month' },
  { value: 'quarter', label: 'calendar quarter' },
  { value: 'year', label: 'calendar year' },
];

/** What a tier row's inputs hold while someone types: text, so bad input is kept and explained, not lost. */
export type TierDraft = {
  target: string;
  windowKind: WindowChoice;
  days: string;
  timeZone: string;
  method: BudgetingMethod;
  sliceMinutes: string;
  sliceTarget: string;
  threshold: string;
};

/** The fields of a draft that can carry a message. */
export type TierDraftField = 'target' | 'days' | 'timeZone' | 'sliceMinutes' | 'sliceTarget' | 'threshold';

/** Field-level messages of a draft. */
export type TierDraftErrors = Partial<Record<TierDraftField, string>>;

/** The draft a row starts from: the stored objective, or empty with the defaults. */
export function draftOf(sli: Sli, objective: Objective | undefined): TierDraft {
  const window = objective?.window ?? DEFAULT_WINDOW;
  const threshold = objective?.latencyThresholdMs ?? sli.latencyThresholdMs;
  const slice = objective?.timeslice ?? DEFAULT_TIMESLICE;
  return {
    target: objective ? formatPpmPercent(objective.targetPpm) : '',
    windowKind: window.kind === 'rolling' ? 'rolling' : window.unit,
    days: window.kind === 'rolling' ? String(window.days) : '30',
    timeZone: window.kind === 'calendar' ? window.timeZone : 'UTC',
    method: objective?.method ?? 'occurrences',
    sliceMinutes: String(slice.sliceMinutes),
    sliceTarget: formatPpmPercent(slice.sliceTargetPpm),
    threshold: threshold === null ? '' : String(threshold),
  };
}

/** The arguments of objective/set a valid draft becomes: the objective and its SLI. */
export type ObjectiveArgs = Objective & { sliId: number };

/** What every editable cell of a tier row receives: the row's draft, its errors and how to change and save it. */
export type TierCellProps = {
  label: string;
  testId: string;
  draft: TierDraft;
  errors: TierDraftErrors;
  readOnly: boolean;
  change(patch: Partial<TierDraft>, commitNow?: boolean): void;
  commit(): void;
};

/** The arguments of objective/set a valid draft becomes, or the messages of its invalid fields. */
export function validateDraft(sli: Sli, tier: Tier, draft: TierDraft): { ok: true; args: ObjectiveArgs } | { ok: false; errors: TierDraftErrors } {
  const errors: TierDraftErrors = {};
  const target = parseTargetPercent(draft.target);
  if (!target.ok) errors.target = target.message;
  let window: SloWindow = DEFAULT_WINDOW;
  if (draft.windowKind === 'rolling') {
    const days = checkWindowDays(draft.days);
    if (days.ok) window = { kind: 'rolling', days: days.value };
    else errors.days = days.message;
  } else {
    const zone = checkTimeZone(draft.timeZone === '' ? 'UTC' : draft.timeZone);
    if (zone.ok) window = { kind: 'calendar', unit: draft.windowKind, timeZone: zone.value };
    else errors.timeZone = zone.message;
  }
  let timeslice: Timeslice | null = null;
  if (draft.method !== 'occurrences') {
    const minutes = checkSliceMinutes(draft.sliceMinutes);
    const sliceTarget = checkSliceTarget(draft.sliceTarget);
    if (!minutes.ok) errors.sliceMinutes = minutes.message;
    if (!sliceTarget.ok) errors.sliceTarget = sliceTarget.message;
    if (minutes.ok && sliceTarget.ok) timeslice = { sliceMinutes: minutes.value, sliceTargetPpm: sliceTarget.value };
  }
  let latencyThresholdMs: number | null = null;
  if (sli.kind === 'latency') {
    const threshold = checkThresholdMs(draft.threshold);
    if (threshold.ok) latencyThresholdMs = threshold.value;
    else errors.threshold = threshold.message;
  }
  if (!target.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, args: { sliId: sli.id, tier, targetPpm: target.value, window, method: draft.method, timeslice, latencyThresholdMs } };
}

/** The draft field a core error belongs to, from its details.field. */
export function fieldOfError(field: string): TierDraftField {
  if (field === 'window.timeZone') return 'timeZone';
  if (field.startsWith('window')) return 'days';
  if (field === 'timeslice.sliceMinutes') return 'sliceMinutes';
  if (field.startsWith('timeslice')) return 'sliceTarget';
  if (field === 'latencyThresholdMs') return 'threshold';
  return 'target';
}

/**
 * Moves a draft onto a newly stored objective (a save landed, an undo, another window): fields the person has not
 * touched since the previous stored value follow the new one; fields being edited keep what is typed.
 */
export function rebaseDraft(previous: TierDraft, next: TierDraft, draft: TierDraft): TierDraft {
  const out = { ...draft };
  for (const key of Object.keys(next) as (keyof TierDraft)[]) {
    if (draft[key] === previous[key]) (out as Record<keyof TierDraft, string>)[key] = next[key];
  }
  return out;
}
