import { describe, expect, it } from 'vitest';
import type { Objective, Sli } from '#shared/domain/types';
import { tierBudgetText } from './tier-budget';
import { draftOf, fieldOfError, rebaseDraft, validateDraft, type TierDraft } from './tier-draft';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const sli: Sli = { id: 7, serviceId: 1, name: 'availability', kind: 'availability', latencyThresholdMs: null, ...NO_SLI_DETAILS, objectives: {} };
const base: TierDraft = draftOf(sli, undefined);
const at = Date.parse('2026-11-15T12:00:00Z');

const objective = (patch: Partial<Objective>): Objective => ({
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
  ...patch,
});

describe('tier drafts', () => {
  it('starts empty on a rolling 30-day window in UTC with a one-minute, 95 % slice ready', () => {
    expect(base).toEqual({
      target: '',
      windowKind: 'rolling',
      days: '30',
      timeZone: 'UTC',
      method: 'occurrences',
      sliceMinutes: '1',
      sliceTarget: '95',
      threshold: '',
    });
  });

  it('turns a calendar-month draft in Berlin into a calendar window', () => {
    const checked = validateDraft(sli, 'slo', { ...base, target: '99.9', windowKind: 'month', timeZone: ' Europe/Berlin ' });
    expect(checked).toEqual({
      ok: true,
      args: {
        sliId: 7,
        tier: 'slo',
        targetPpm: 999_000,
        window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' },
        method: 'occurrences',
        timeslice: null,
        latencyThresholdMs: null,
      },
    });
  });

  it('refuses an unknown time zone beside the zone field', () => {
    const checked = validateDraft(sli, 'slo', { ...base, target: '99.9', windowKind: 'quarter', timeZone: 'Europe/Atlantis' });
    expect(checked).toEqual({ ok: false, errors: { timeZone: 'Unknown time zone "Europe/Atlantis": use an IANA name such as Europe/Berlin or UTC' } });
  });

  it('sends the slice length and slice target of Timeslices, and refuses bad ones beside their fields', () => {
    const ok = validateDraft(sli, 'slo', { ...base, target: '99.9', method: 'timeslices', sliceMinutes: '5', sliceTarget: '99' });
    expect(ok.ok && ok.args.timeslice).toEqual({ sliceMinutes: 5, sliceTargetPpm: 990_000 });
    const bad = validateDraft(sli, 'slo', { ...base, target: '99.9', method: 'ratio-timeslices', sliceMinutes: '0', sliceTarget: '100' });
    expect(bad).toEqual({
      ok: false,
      errors: {
        sliceMinutes: 'Slice length must be a whole number of minutes from 1 to 1440, not "0"',
        sliceTarget: 'Slice target must be below 100 % (100 % leaves no error budget)',
      },
    });
  });

  it('reads a stored calendar objective back into the same draft', () => {
    const stored = objective({
      window: { kind: 'calendar', unit: 'year', timeZone: 'Asia/Tokyo' },
      method: 'timeslices',
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 },
    });
    expect(draftOf(sli, stored)).toMatchObject({ target: '99.9', windowKind: 'year', timeZone: 'Asia/Tokyo', sliceMinutes: '5', sliceTarget: '99' });
  });

  it('keeps what is being typed when a save lands, and follows the stored value everywhere else', () => {
    const before = { ...base, target: '99.9' };
    const saved = { ...before, method: 'timeslices' as const };
    const typing = { ...saved, sliceMinutes: '5' };
    expect(rebaseDraft(before, saved, typing)).toEqual(typing);
    const undone = { ...before, target: '99' };
    expect(rebaseDraft(before, undone, before)).toEqual(undone);
  });

  it('maps core error fields to the row fields they belong to', () => {
    expect(
      ['window.timeZone', 'window.days', 'timeslice.sliceMinutes', 'timeslice.sliceTargetPpm', 'latencyThresholdMs', 'targetPpm'].map(fieldOfError),
    ).toEqual(['timeZone', 'days', 'sliceMinutes', 'sliceTarget', 'threshold', 'target']);
  });
});

describe('the budget column', () => {
  it('shows 43.2 min and 0.1 % for 99.9 % over 30 days, and bad events once traffic is known', () => {
    expect(tierBudgetText(objective({}), null, at)).toEqual({ minutes: '43.2 min', percent: '0.1 %', events: null });
    expect(tierBudgetText(objective({}), 1_000_000, at).events).toBe('30,000 bad events');
  });

  it('names the current calendar period and uses its real length', () => {
    const monthly = objective({ window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' } });
    expect(tierBudgetText(monthly, null, at).minutes).toBe('43.2 min (November 2026)');
    expect(tierBudgetText(monthly, null, Date.parse('2027-02-10T00:00:00Z')).minutes).toBe('40.3 min (February 2027)');
  });

  it('counts whole bad slices under Timeslices instead of bad events', () => {
    const sliced = objective({ method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 } });
    expect(tierBudgetText(sliced, 1_000_000, at)).toEqual({ minutes: '40 min', percent: '0.1 %', events: '8 bad slices of 8,640' });
  });
});
