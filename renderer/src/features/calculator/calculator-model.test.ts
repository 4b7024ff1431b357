import { describe, expect, it } from 'vitest';
import { calendarAnswer, currentPeriodText, downtimeCells } from './calculator-model';

describe('the calculator', () => {
  it('shows the published downtime row for 99.9 %: 1.4 min, 10.1 min, 40.3 min, 43.2 min, 2.16 h, 8.76 h', () => {
    expect(downtimeCells(999_000, null).map((c) => c.downtime)).toEqual(['1.4 min', '10.1 min', '40.3 min', '43.2 min', '2.16 h', '8.76 h']);
    expect(downtimeCells(999_000, null).every((c) => c.badEvents === null)).toBe(true);
  });

  it('allows 43,200 bad requests per 30 days at 99.9 % and a million requests a day', () => {
    const cells = downtimeCells(999_000, 1_000_000);
    expect(cells.map((c) => [c.key, c.badEvents])).toEqual([
      ['1d', '1,000'],
      ['7d', '7,000'],
      ['28d', '28,000'],
      ['30d', '30,000'],
      ['90d', '90,000'],
      ['365d', '365,000'],
    ]);
  });

  it('gives February and March 2027 in Berlin their real lengths and budgets', () => {
    expect(calendarAnswer(999_000, 'month', '2027-02', 'Europe/Berlin', 1_000_000)).toEqual({
      ok: true,
      label: 'February 2027 in Europe/Berlin',
      length: '28 d',
      minutes: '40,320 min',
      downtime: '40.3 min',
      exact: '40.32 min',
      badEvents: '28,000',
    });
    expect(calendarAnswer(999_000, 'month', '2027-03', 'Europe/Berlin', null)).toMatchObject({
      length: '30 d 23 h',
      minutes: '44,580 min',
      exact: '44.58 min',
    });
  });

  it('puts a bad period or zone beside its field', () => {
    expect(calendarAnswer(999_000, 'month', 'February', 'UTC', null)).toEqual({
      ok: false,
      errors: { period: 'A calendar month is written like 2027-02, not "February"' },
    });
    expect(calendarAnswer(999_000, 'month', '2027-02', 'Berlin', null)).toEqual({
      ok: false,
      errors: { timeZone: 'Unknown time zone "Berlin": use an IANA name such as Europe/Berlin or UTC' },
    });
  });

  it('spells the current period the way the period field reads it', () => {
    const at = Date.parse('2026-12-31T23:30:00Z');
    expect(currentPeriodText('month', 'UTC', at)).toBe('2026-12');
    expect(currentPeriodText('month', 'Europe/Berlin', at)).toBe('2027-01');
    expect(currentPeriodText('quarter', 'UTC', at)).toBe('2026-Q4');
    expect(currentPeriodText('week', 'UTC', at)).toBe('2026-W53');
    expect(currentPeriodText('year', 'UTC', at)).toBe('2026');
  });
});
