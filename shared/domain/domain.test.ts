import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPpmPercent, parseTargetPercent } from './percent';
import { tierWarnings } from './tiers';
import type { Objective, Sli, Tier } from './types';
import { checkName, checkSliceMinutes, checkSliceTarget, checkThresholdMs, checkWindowDays } from './validation';
import { formatWindowSpec, parseWindowArg, parseWindowSpec } from './window';
import { NO_SLI_DETAILS } from './types';

describe('parseTargetPercent', () => {
  it.each([
    ['99.9', 999_000],
    ['99.95 %', 999_500],
    [' 90 ', 900_000],
    ['99.9999', 999_999],
    ['50', 500_000],
    ['50.0001', 500_001],
  ])('reads %s as %i ppm', (text, ppm) => {
    expect(parseTargetPercent(text)).toEqual({ ok: true, value: ppm });
  });

  it.each([
    ['abc', 'Target must be a number such as 99.9, not "abc"'],
    ['', 'Target is required, e.g. 99.9'],
    ['12abc', 'Target must be a number such as 99.9, not "12abc"'],
    ['0x10', 'Target must be a number such as 99.9, not "0x10"'],
    ['1,5', 'Target must be a number such as 99.9, not "1,5"'],
    ['1e400', 'Target must be a number such as 99.9, not "1e400"'],
    ['+Inf', 'Target must be a number such as 99.9, not "+Inf"'],
    ['100', 'Target must be below 100 % (100 % leaves no error budget)'],
    ['100.5', 'Target must be below 100 % (100 % leaves no error budget)'],
    ['0', 'Target must be at least 50 % (a looser target is not an objective)'],
    ['49.9999', 'Target must be at least 50 % (a looser target is not an objective)'],
    ['-5', 'Target must be at least 50 % (a looser target is not an objective)'],
    ['99.99999', 'Target can have at most 4 decimals (1 part per million)'],
  ])('refuses %j with a message', (text, message) => {
    expect(parseTargetPercent(text)).toEqual({ ok: false, message });
  });

  it('round-trips every ppm through its percent text without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500_000, max: 999_999 }), (ppm) => {
        const back = parseTargetPercent(formatPpmPercent(ppm));
        return back.ok && back.value === ppm;
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('field checks', () => {
  it('refuses empty names and names with control characters', () => {
    expect(checkName('   ', 'Service name')).toEqual({ ok: false, message: 'Service name must not be empty' });
    expect(checkName('a\u0007b').ok).toBe(false);
    expect(checkName('  checkout ')).toEqual({ ok: true, value: 'checkout' });
  });

  it('refuses a window of 0 days and reads "30d"', () => {
    expect(checkWindowDays('0')).toEqual({ ok: false, message: 'Window must be at least 1 day' });
    expect(checkWindowDays('30d')).toEqual({ ok: true, value: 30 });
    expect(checkWindowDays('1.5').ok).toBe(false);
  });

  it('refuses thresholds that are not positive numbers of milliseconds', () => {
    expect(checkThresholdMs('0')).toEqual({ ok: false, message: 'Threshold must be above 0 ms' });
    expect(checkThresholdMs('fast').ok).toBe(false);
    expect(checkThresholdMs('200 ms')).toEqual({ ok: true, value: 200 });
  });

  it('reads a slice length in minutes, hours or a day, and a slice target as a percentage', () => {
    expect(['5', '5m', '5 min', '1h', '1d'].map((text) => checkSliceMinutes(text))).toEqual([5, 5, 5, 60, 1440].map((value) => ({ ok: true, value })));
    expect(checkSliceMinutes('0')).toEqual({ ok: false, message: 'Slice length must be a whole number of minutes from 1 to 1440, not "0"' });
    expect(checkSliceMinutes('0.5m').ok).toBe(false);
    expect(checkSliceMinutes('2d').ok).toBe(false);
    expect(checkSliceTarget('99')).toEqual({ ok: true, value: 990_000 });
    expect(checkSliceTarget('100')).toEqual({ ok: false, message: 'Slice target must be below 100 % (100 % leaves no error budget)' });
  });

  it('reads and writes window specs', () => {
    expect(parseWindowSpec('28d')).toEqual({ ok: true, value: { kind: 'rolling', days: 28 } });
    expect(parseWindowSpec('4w')).toEqual({ ok: true, value: { kind: 'rolling', days: 28 } });
    expect(parseWindowSpec('calendar-month')).toEqual({ ok: true, value: { kind: 'calendar', unit: 'month', timeZone: 'UTC' } });
    expect(parseWindowSpec('0d')).toEqual({ ok: false, message: 'Window must be at least 1 day' });
    expect(parseWindowSpec('monthly').ok).toBe(false);
    expect(formatWindowSpec({ kind: 'rolling', days: 7 })).toBe('7d');
  });

  it('reads calendar windows with a unit, an optional period and an optional IANA zone', () => {
    expect(parseWindowArg('calendar-month:2027-02:Europe/Berlin')).toEqual({
      ok: true,
      value: { window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' }, period: '2027-02' },
    });
    expect(parseWindowArg('calendar-quarter:America/New_York')).toEqual({
      ok: true,
      value: { window: { kind: 'calendar', unit: 'quarter', timeZone: 'America/New_York' }, period: null },
    });
    expect(parseWindowArg('calendar-month:Mars/Base')).toEqual({
      ok: false,
      message: 'Unknown time zone "Mars/Base": use an IANA name such as Europe/Berlin or UTC',
    });
    expect(parseWindowArg('calendar-fortnight').ok).toBe(false);
    expect(parseWindowSpec('calendar-month:2027-02')).toEqual({
      ok: false,
      message: 'An objective\'s window is a kind of period, not one period: drop ":2027-02"',
    });
    expect(formatWindowSpec({ kind: 'calendar', unit: 'year', timeZone: 'Asia/Kathmandu' }, true)).toBe('calendar-year:Asia/Kathmandu');
  });
});

const obj = (tier: Tier, targetPpm: number, latencyThresholdMs: number | null = null): Objective => ({
  tier,
  targetPpm,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs,
});
const sliWith = (kind: Sli['kind'], objectives: Sli['objectives']): Sli => ({
  id: 1,
  serviceId: 1,
  name: 'x',
  kind,
  latencyThresholdMs: 200,
  ...NO_SLI_DETAILS,
  objectives,
});

describe('tierWarnings', () => {
  it('accepts SLA ≤ SLO ≤ target', () => {
    expect(tierWarnings(sliWith('availability', { sla: obj('sla', 995_000), slo: obj('slo', 999_000), target: obj('target', 999_500) }))).toEqual([]);
  });

  it('refuses an SLO looser than its SLA, naming the rule', () => {
    const [w] = tierWarnings(sliWith('availability', { sla: obj('sla', 999_000), slo: obj('slo', 995_000) }));
    expect(w).toMatchObject({ rule: 'slo-looser-than-sla', tier: 'slo', against: 'sla' });
    expect(w!.message).toBe('The SLO (99.5 %) is looser than the SLA (99.9 %): rule "SLA ≤ SLO".');
  });

  it('refuses a performance target looser than its SLO', () => {
    expect(tierWarnings(sliWith('availability', { slo: obj('slo', 999_000), target: obj('target', 998_000) }))[0]?.rule).toBe('target-looser-than-slo');
  });

  it('compares the target with the SLA when no SLO is set', () => {
    expect(tierWarnings(sliWith('availability', { sla: obj('sla', 999_000), target: obj('target', 990_000) }))[0]?.rule).toBe('target-looser-than-sla');
  });

  it('accepts a higher share under a longer threshold (90 % < 150 ms, then 99 % < 200 ms)', () => {
    expect(tierWarnings(sliWith('latency', { sla: obj('sla', 900_000, 150), slo: obj('slo', 990_000, 200), target: obj('target', 995_000, 200) }))).toEqual([]);
  });

  it('refuses a longer threshold at the same share', () => {
    expect(tierWarnings(sliWith('latency', { sla: obj('sla', 990_000, 200), slo: obj('slo', 990_000, 300) }))[0]?.rule).toBe('slo-threshold-looser-than-sla');
  });
});
