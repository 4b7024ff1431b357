import { formatPpmPercent, parseTargetPercent } from '../../../../shared/domain/percent';
import type { BudgetingMethod, Objective, Sli, SloWindow, Tier } from '../../../../shared/domain/types';
import { checkThresholdMs, checkWindowDays } from '../../../../shared/domain/validation';
import { DEFAULT_WINDOW } from '../../../../shared/domain/window';

/** What a tier row's inputs hold while someone types: text, so bad input is kept and explained, not lost. */
export type TierDraft = { target: string; windowKind: 'rolling' | 'calendar'; days: string; method: BudgetingMethod; threshold: string };

/** Field-level messages of a draft. */
export type TierDraftErrors = Partial<Record<'target' | 'days' | 'threshold', string>>;

/** The draft a row starts from: the stored objective, or empty with the defaults. */
export function draftOf(sli: Sli, objective: Objective | undefined): TierDraft {
  const window = objective?.window ?? DEFAULT_WINDOW;
  const threshold = objective?.latencyThresholdMs ?? sli.latencyThresholdMs;
  return {
    target: objective ? formatPpmPercent(objective.targetPpm) : '',
    windowKind: window.kind,
    days: window.kind === 'rolling' ? String(window.days) : '30',
    method: objective?.method ?? 'occurrences',
    threshold: threshold === null ? '' : String(threshold),
  };
}

/** The arguments of objective/set a valid draft becomes, or the messages of its invalid fields. */
export function validateDraft(sli: Sli, tier: Tier, draft: TierDraft):
  | { ok: true; args: { sliId: number; tier: Tier; targetPpm: number; window: SloWindow; method: BudgetingMethod; latencyThresholdMs: number | null } }
  | { ok: false; errors: TierDraftErrors } {
  const errors: TierDraftErrors = {};
  const target = parseTargetPercent(draft.target);
  if (!target.ok) errors.target = target.message;
  let window: SloWindow = { kind: 'calendar', unit: 'month', timeZone: 'UTC' };
  if (draft.windowKind === 'rolling') {
    const days = checkWindowDays(draft.days);
    if (days.ok) window = { kind: 'rolling', days: days.value };
    else errors.days = days.message;
  }
  let latencyThresholdMs: number | null = null;
  if (sli.kind === 'latency') {
    const threshold = checkThresholdMs(draft.threshold);
    if (threshold.ok) latencyThresholdMs = threshold.value;
    else errors.threshold = threshold.message;
  }
  if (!target.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, args: { sliId: sli.id, tier, targetPpm: target.value, window, method: draft.method, latencyThresholdMs } };
}
