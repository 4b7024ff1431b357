import { describe, expect, it } from 'vitest';
import { addMonths, checkDay, checkReviewMonths, daysBetween, reviewSchedule } from './cadence';

describe('review cadence', () => {
  it('adds months across year ends, a day the later month lacks becoming its last', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-10-01', 60)).toBe('2031-10-01');
  });

  it('counts days across a year end and a leap day', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('reviews the SLA and SLO yearly and the performance target quarterly from the approval, overdue only after the review day', () => {
    const base = { serviceName: 'chatbot', tiers: ['target', 'sla', 'slo'] as const, months: {}, fromDay: '2026-11-30', from: 'approval' as const };
    const onTheDay = reviewSchedule({ ...base, today: '2027-02-28' });
    expect(onTheDay.map((r) => [r.tier, r.months, r.nextDay, r.overdue])).toEqual([
      ['sla', 12, '2027-11-30', false],
      ['slo', 12, '2027-11-30', false],
      ['target', 3, '2027-02-28', false],
    ]);
    const dayAfter = reviewSchedule({ ...base, today: '2027-03-01' });
    expect(dayAfter[2]).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(dayAfter[2]!.text).toBe(
      'performance target of chatbot reviewed every 3 months from its approval on 2026-11-30: next review 2027-02-28 (overdue by 1 day)',
    );
  });

  it('uses a service’s own period for a tier and leaves out tiers the version does not set', () => {
    const schedule = reviewSchedule({
      serviceName: 'api',
      tiers: ['slo'],
      months: { slo: 6, target: 1 },
      fromDay: '2026-08-31',
      from: 'proposal',
      today: '2027-03-01',
    });
    expect(schedule).toEqual([expect.objectContaining({ tier: 'slo', months: 6, nextDay: '2027-02-28', overdue: true, daysOverdue: 1, from: 'proposal' })]);
  });

  it('refuses a period outside 1 to 60 whole months and a day that is not in the calendar', () => {
    expect(checkReviewMonths(0).ok).toBe(false);
    expect(checkReviewMonths(1.5).ok).toBe(false);
    expect(checkReviewMonths(61)).toEqual({ ok: false, message: 'A review period is a whole number of months from 1 to 60, not 61' });
    expect(checkDay('2027-02-29')).toEqual({
      ok: false,
      message: 'A date is written YYYY-MM-DD and must exist in the calendar, such as 2027-01-31, not "2027-02-29"',
    });
    expect(checkDay('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(checkDay('2027-1-5').ok).toBe(false);
  });
});
