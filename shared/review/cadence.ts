import { TIER_LABELS, TIERS, type Tier } from '../domain/types';
import type { FieldCheck } from '../domain/validation';

/** How often each tier is reviewed unless a service says otherwise: the SLA and SLO yearly, the performance target quarterly. */
export const DEFAULT_REVIEW_MONTHS: Readonly<Record<Tier, number>> = { sla: 12, slo: 12, target: 3 };

/** Longest review period a service can set, in months: five years. */
export const MAX_REVIEW_MONTHS = 60;

/** Checks a review period: whole months from 1 to MAX_REVIEW_MONTHS. */
export function checkReviewMonths(months: number): FieldCheck<number> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_REVIEW_MONTHS) {
    return { ok: false, message: `A review period is a whole number of months from 1 to ${MAX_REVIEW_MONTHS}, not ${months}` };
  }
  return { ok: true, value: months };
}

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks a day written YYYY-MM-DD that exists in the calendar (2027-02-29 does not). */
export function checkDay(text: string): FieldCheck<string> {
  const m = DAY_TEXT.exec(text.trim());
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `A date is written YYYY-MM-DD and must exist in the calendar, such as 2027-01-31, not "${text.trim()}"` };
  }
  return { ok: true, value: text.trim() };
}

/**
 * The day a number of months after another, as a calendar reads it: 2026-11-15 + 3 months is 2027-02-15, and a day
 * the later month lacks becomes its last (2026-11-30 + 3 months is 2027-02-28; 2028-02-29 + 12 months is 2029-02-28).
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const d = Math.min(date, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** One tier's review: how often, counted from which day, when it is next due and whether that day has passed. */
export type TierReview = {
  tier: Tier;
  months: number;
  /** The day the count starts: the approval of the approved version, else the proposal of the latest version. */
  fromDay: string;
  from: 'approval' | 'proposal';
  nextDay: string;
  /** True once today is after the next review day. */
  overdue: boolean;
  /** Days past the review day (0 when not overdue). */
  daysOverdue: number;
  /** "SLO of checkout reviewed every 12 months: next review 2027-12-01 (overdue by 3 days)". */
  text: string;
};

/** What a service's review schedule is worked out from; `today` is passed in (YYYY-MM-DD, UTC), like every clock. */
export type ScheduleInput = {
  serviceName: string;
  /** The tiers the reviewed version sets on any SLI. */
  tiers: readonly Tier[];
  /** The service's own periods, by tier; a tier left out is reviewed at DEFAULT_REVIEW_MONTHS. */
  months: Partial<Record<Tier, number>>;
  fromDay: string;
  from: 'approval' | 'proposal';
  today: string;
};

/** The review of each tier a service sets, in tier order, with its next review day and whether it is overdue. */
export function reviewSchedule(input: ScheduleInput): TierReview[] {
  return TIERS.filter((tier) => input.tiers.includes(tier)).map((tier) => {
    const months = input.months[tier] ?? DEFAULT_REVIEW_MONTHS[tier];
    const nextDay = addMonths(input.fromDay, months);
    const late = daysBetween(nextDay, input.today);
    const overdue = late > 0;
    const when = overdue ? ` (overdue by ${late} day${late === 1 ? '' : 's'})` : '';
    return {
      tier,
      months,
      fromDay: input.fromDay,
      from: input.from,
      nextDay,
      overdue,
      daysOverdue: overdue ? late : 0,
      text: `${TIER_LABELS[tier]} of ${input.serviceName} reviewed every ${months} month${months === 1 ? '' : 's'} from its ${input.from} on ${input.fromDay}: next review ${nextDay}${when}`,
    };
  });
}
