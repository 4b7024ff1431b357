import { DateTime } from 'luxon';
import type { ExclusionCategory, ExclusionSpec } from '#shared/analysis/exclusions';
import { parseDuration } from '#shared/budget/alerts';
import { isKnownTimeZone } from '#shared/budget/calendar';

/** How often an exclusion repeats, as the form offers it. */
export type Repeat = 'once' | 'daily' | 'weekly' | 'monthly' | 'custom';

/** The exclusion form as typed. */
export type ExclusionDraft = {
  category: ExclusionCategory;
  reason: string;
  /** datetime-local text, in timeZone. */
  start: string;
  duration: string;
  timeZone: string;
  repeat: Repeat;
  /** RRULE body for 'custom'. */
  rrule: string;
  /** Optional last day (yyyy-mm-dd) for repeating exclusions. */
  until: string;
  /** Only this SLI, or the whole service. */
  onlyThisSli: boolean;
};

/** A fresh draft: a two-hour maintenance window next Sunday 02:00 in the given zone, repeating weekly. */
export function newDraft(timeZone: string, nowMs: number): ExclusionDraft {
  const now = DateTime.fromMillis(nowMs, { zone: timeZone });
  const sunday = now.plus({ days: (7 - now.weekday) % 7 || 7 }).set({ hour: 2, minute: 0, second: 0, millisecond: 0 });
  return {
    category: 'maintenance',
    reason: 'Weekly maintenance window',
    start: sunday.toFormat("yyyy-MM-dd'T'HH:mm"),
    duration: '2h',
    timeZone,
    repeat: 'weekly',
    rrule: '',
    until: '',
    onlyThisSli: false,
  };
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The RRULE a repeat choice stands for, given the first start (its weekday or day of month). */
export function ruleFor(draft: ExclusionDraft, start: DateTime): string | null {
  // A bare date means through the end of that local day, in the exclusion's own zone.
  const until = draft.until.trim() ? `;UNTIL=${draft.until.replaceAll('-', '')}` : '';
  switch (draft.repeat) {
    case 'once':
      return null;
    case 'daily':
      return `FREQ=DAILY${until}`;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS[start.weekday - 1]}${until}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${start.day}${until}`;
    case 'custom':
      return draft.rrule.trim().replace(/^RRULE:/i, '') || null;
  }
}

/** The spec a draft describes, or the field at fault with a message. */
export function draftToSpec(draft: ExclusionDraft): { ok: true; spec: ExclusionSpec } | { ok: false; field: keyof ExclusionDraft; message: string } {
  if (!isKnownTimeZone(draft.timeZone)) return { ok: false, field: 'timeZone', message: 'Choose an IANA time zone such as Europe/Berlin' };
  const start = DateTime.fromISO(draft.start, { zone: draft.timeZone });
  if (!draft.start.trim() || !start.isValid) return { ok: false, field: 'start', message: 'Give the start as a date and time' };
  const duration = parseDuration(draft.duration);
  if (!duration.ok) return { ok: false, field: 'duration', message: duration.message };
  if (draft.repeat === 'custom' && !draft.rrule.trim()) return { ok: false, field: 'rrule', message: 'Type a rule such as FREQ=WEEKLY;BYDAY=SU' };
  if (draft.until.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(draft.until.trim())) return { ok: false, field: 'until', message: 'Give the last day as a date' };
  return {
    ok: true,
    spec: {
      category: draft.category,
      reason: draft.reason.trim(),
      startMs: start.toMillis(),
      durationMinutes: duration.value,
      rrule: ruleFor(draft, start),
      timeZone: draft.timeZone,
    },
  };
}
