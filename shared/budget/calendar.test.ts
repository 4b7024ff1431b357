import { describe, expect, it } from 'vitest';
import { budgetMinutesForWindow, windowMinutes } from './budget';
import { isKnownTimeZone, parsePeriod, periodContaining, periodLengthRange } from './calendar';

const utc = (iso: string) => Date.parse(iso);

describe('calendar periods', () => {
  it('gives February and March their real lengths', () => {
    const feb = parsePeriod('month', '2027-02', 'UTC');
    const mar = parsePeriod('month', '2027-03', 'UTC');
    expect(feb.ok && feb.value.minutes).toBe(28 * 1440);
    expect(mar.ok && mar.value.minutes).toBe(31 * 1440);
    expect(feb.ok && feb.value.label).toBe('February 2027');
  });

  it('shortens a month by the hour DST skips and lengthens the month it returns in (Europe/Berlin)', () => {
    const march = parsePeriod('month', '2027-03', 'Europe/Berlin');
    const october = parsePeriod('month', '2026-10', 'Europe/Berlin');
    expect(march.ok && march.value.minutes).toBe(31 * 1440 - 60);
    expect(october.ok && october.value.minutes).toBe(31 * 1440 + 60);
  });

  it('starts a Berlin month at local midnight, not at UTC midnight', () => {
    const p = parsePeriod('month', '2027-02', 'Europe/Berlin');
    expect(p.ok && new Date(p.value.startMs).toISOString()).toBe('2027-01-31T23:00:00.000Z');
  });

  it('finds the week, quarter and year containing an instant', () => {
    const at = utc('2027-02-10T12:00:00Z');
    expect(periodContaining('week', 'UTC', at)).toMatchObject({ label: '2027-W06', minutes: 7 * 1440 });
    expect(periodContaining('quarter', 'UTC', at)).toMatchObject({ label: '2027-Q1', minutes: 90 * 1440 });
    expect(periodContaining('year', 'UTC', at)).toMatchObject({ label: '2027', minutes: 365 * 1440 });
    expect(periodContaining('year', 'UTC', utc('2028-05-01T00:00:00Z')).minutes).toBe(366 * 1440);
  });

  it('names ISO weeks and refuses periods that do not exist', () => {
    expect(parsePeriod('week', '2026-W53', 'UTC').ok).toBe(true);
    expect(parsePeriod('week', '2027-W53', 'UTC')).toEqual({ ok: false, message: 'There is no calendar week 2027-W53' });
    expect(parsePeriod('month', '2027-13', 'UTC')).toEqual({ ok: false, message: 'There is no calendar month 2027-13' });
    expect(parsePeriod('quarter', '2027-5', 'UTC').ok).toBe(false);
  });

  it('knows IANA zones and refuses invented ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  it('spans 28 to 31 days for UTC months and adds the DST hour in Berlin', () => {
    expect(periodLengthRange('month', 'UTC')).toEqual({ min: 28 * 1440, max: 31 * 1440 });
    expect(periodLengthRange('month', 'Europe/Berlin')).toEqual({ min: 28 * 1440, max: 31 * 1440 + 60 });
    expect(periodLengthRange('week', 'Europe/Berlin')).toEqual({ min: 7 * 1440 - 60, max: 7 * 1440 + 60 });
  });

  it('measures a calendar window at an instant by the period containing it', () => {
    const window = { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' } as const;
    expect(windowMinutes(window, utc('2027-03-15T00:00:00Z'))).toEqual({ min: 44_580, max: 44_580 });
    expect(budgetMinutesForWindow(999_000, window, utc('2027-02-15T00:00:00Z'))).toEqual({ min: 40.32, max: 40.32 });
  });
});
