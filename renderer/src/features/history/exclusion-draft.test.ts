import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { draftToSpec, newDraft, ruleFor } from './exclusion-draft';

const NOW = Date.UTC(2026, 10, 18, 12, 0); // Wednesday 18 November 2026

describe('exclusion drafts', () => {
  it('starts as a weekly two-hour window next Sunday at 02:00 local time', () => {
    const d = newDraft('Europe/Berlin', NOW);
    expect(d.start).toBe('2026-11-22T02:00');
    const out = draftToSpec(d);
    expect(out.ok && out.spec).toMatchObject({ durationMinutes: 120, rrule: 'FREQ=WEEKLY;BYDAY=SU', timeZone: 'Europe/Berlin' });
    // 02:00 in Berlin in November is 01:00 UTC.
    expect(out.ok && out.spec.startMs).toBe(Date.UTC(2026, 10, 22, 1, 0));
  });

  it('derives the weekday and the day of month from the first start', () => {
    const start = DateTime.fromISO('2027-03-10T22:30', { zone: 'America/New_York' });
    const base = newDraft('America/New_York', NOW);
    expect(ruleFor({ ...base, repeat: 'weekly' }, start)).toBe('FREQ=WEEKLY;BYDAY=WE');
    expect(ruleFor({ ...base, repeat: 'monthly' }, start)).toBe('FREQ=MONTHLY;BYMONTHDAY=10');
    expect(ruleFor({ ...base, repeat: 'daily', until: '2027-06-30' }, start)).toBe('FREQ=DAILY;UNTIL=20270630');
    expect(ruleFor({ ...base, repeat: 'once' }, start)).toBeNull();
    expect(ruleFor({ ...base, repeat: 'custom', rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1SA' }, start)).toBe('FREQ=MONTHLY;BYDAY=1SA');
  });

  it('names the field at fault', () => {
    const base = newDraft('UTC', NOW);
    expect(draftToSpec({ ...base, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, field: 'timeZone' });
    expect(draftToSpec({ ...base, start: 'tomorrow' })).toMatchObject({ ok: false, field: 'start' });
    expect(draftToSpec({ ...base, duration: 'ages' })).toMatchObject({ ok: false, field: 'duration' });
    expect(draftToSpec({ ...base, repeat: 'custom', rrule: ' ' })).toMatchObject({ ok: false, field: 'rrule' });
    expect(draftToSpec({ ...base, until: '30/06/2027' })).toMatchObject({ ok: false, field: 'until' });
  });
});
