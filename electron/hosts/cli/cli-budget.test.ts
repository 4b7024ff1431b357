import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '#shared/budget/calendar';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonAlertsReport, JsonBudgetReport, JsonError } from './json-output';

const WEEK_WINDOWS = fileURLToPath(new URL('../../../fixtures/specs/sloth-alert-windows/week-7d.yaml', import.meta.url));

let box: Sandbox;
beforeAll(() => {
  box = makeSandbox();
});
afterAll(() => box.cleanup());

const budget = (...argv: string[]) => box.json<JsonBudgetReport>('budget', ...argv);
const alerts = (...argv: string[]) => box.json<JsonAlertsReport>('alerts', ...argv);

describe('slo-workbench budget', () => {
  it('gives 99.9 % over 30 days a budget of 43.2 minutes, 0.1 % of 43,200', async () => {
    const doc = await budget('--target', '99.9', '--window', '30d');
    expect(doc).toMatchObject({ format: 'slo-workbench/v1', ok: true, command: 'budget', target: '99.9', targetPpm: 999_000, method: 'occurrences' });
    expect(doc.window).toEqual({ spec: '30d', kind: 'rolling', days: 30, unit: null, timeZone: null, period: null, minutes: 43_200 });
    expect(doc.budget).toEqual({ minutes: 43.2, percent: '0.1', ppm: 1000 });
    expect(doc.traffic).toBeNull();
    const text = await box.run('budget', '--target', '99.9', '--window', '30d');
    expect(text.stdoutLines).toEqual([
      'Budget of 99.9 % over rolling 30 days, Occurrences',
      '  window  43,200 min (30 d)',
      '  budget  43.2 min, 0.1 % of the window',
    ]);
  });

  it('measures February 2027 in Berlin as 40,320 minutes, a 40.32-minute budget', async () => {
    const doc = await budget('--target', '99.9', '--window', 'calendar-month:2027-02:Europe/Berlin');
    expect(doc.window).toEqual({
      spec: 'calendar-month:2027-02:Europe/Berlin',
      kind: 'calendar',
      days: null,
      unit: 'month',
      timeZone: 'Europe/Berlin',
      period: { label: 'February 2027', start: '2027-01-31T23:00:00.000Z', end: '2027-02-28T23:00:00.000Z' },
      minutes: 40_320,
    });
    expect(doc.budget.minutes).toBe(40.32);
  });

  it('measures March 2027 in Berlin an hour short of 31 days (DST): 44,580 minutes, 44.58 minutes of budget', async () => {
    const doc = await budget('--target', '99.9', '--window', 'calendar-month:2027-03:Europe/Berlin');
    expect(doc.window.minutes).toBe(44_580);
    expect(doc.budget.minutes).toBe(44.58);
    expect((await box.run('budget', '--target', '99.9', '--window', 'calendar-month:2027-03:Europe/Berlin')).stdoutLines[1]).toBe(
      '  window  44,580 min (30 d 23 h)',
    );
  });

  it('measures October 2026 in Berlin an hour over 31 days: 44,700 minutes', async () => {
    const doc = await budget('--target', '99.9', '--window', 'calendar-month:2026-10:Europe/Berlin');
    expect(doc.window.minutes).toBe(44_700);
    expect(doc.budget.minutes).toBe(44.7);
  });

  it('uses the current calendar period when none is named, and says which', async () => {
    const doc = await budget('--target', '99.5', '--window', 'calendar-quarter:UTC');
    const now = periodContaining('quarter', 'UTC', Date.now());
    expect(doc.window.period?.label).toBe(now.label);
    expect(doc.window.spec).toBe(`calendar-quarter:${now.label}:UTC`);
    expect(doc.window.minutes).toBe(now.minutes);
  });

  it('turns the budget into bad events at a given traffic', async () => {
    const doc = await budget('--target', '99.9', '--window', '30d', '--requests-per-day', '1,000,000');
    expect(doc.traffic).toEqual({ requestsPerDay: 1_000_000, events: 30_000_000, badEvents: 30_000 });
    const feb = await budget('--target', '99.9', '--window', 'calendar-month:2027-02:Europe/Berlin', '--requests-per-day', '1000000');
    expect(feb.traffic?.badEvents).toBe(28_000);
  });

  it('counts whole bad slices under Timeslices and no bad events, and averages slices under RatioTimeslices', async () => {
    const slices = await budget(
      '--target',
      '99.9',
      '--window',
      '30d',
      '--method',
      'timeslices',
      '--slice',
      '5m',
      '--slice-target',
      '99',
      '--requests-per-day',
      '1000',
    );
    expect(slices.timeslice).toEqual({ sliceMinutes: 5, sliceTarget: '99', sliceTargetPpm: 990_000, slices: 8640, badSlices: 8 });
    expect(slices.budget.minutes).toBe(40);
    expect(slices.traffic).toEqual({ requestsPerDay: 1000, events: 30_000, badEvents: null });
    const ratio = await budget('--target', '99.9', '--window', '30d', '--method', 'ratio-timeslices');
    expect(ratio.timeslice).toEqual({ sliceMinutes: 1, sliceTarget: '95', sliceTargetPpm: 950_000, slices: 43_200, badSlices: null });
    expect(ratio.budget.minutes).toBe(43.2);
  });
});

describe('slo-workbench alerts', () => {
  it("lists Sloth's 28-day alerts: 13.44 / 5.6 / 2.8 / 0.9333 with windows, error rates and exhaustion times", async () => {
    const doc = await alerts('--target', '99.9', '--window', '28d');
    expect(doc.alertSet).toEqual({ name: 'SRE workbook, 28 days', source: 'built-in', period: '28d', scaled: false, scaling: 'none' });
    expect(doc.alerts.map((a) => [a.severity, a.speed, a.longWindow, a.shortWindow, a.factor, a.errorRatePercent])).toEqual([
      ['page', 'quick', '1h', '5m', 13.44, '1.344'],
      ['page', 'slow', '6h', '30m', 5.6, '0.56'],
      ['ticket', 'quick', '1d', '2h', 2.8, '0.28'],
      ['ticket', 'slow', '3d', '6h', 0.933333333, '0.09333'],
    ]);
    expect(doc.alerts[3]!.exhaustMinutes).toBe(40_320 / 0.9333333333333333);
  });

  it('gives 99.9 % over 30 days the page alert ×14.4 at 1.44 % errors, exhausting the budget in 2.08 days', async () => {
    const doc = await alerts('--target', '99.9');
    expect(doc.alerts[0]).toMatchObject({ factor: 14.4, errorRate: 0.0144, errorRatePercent: '1.44', exhaustMinutes: 3000 });
    const text = await box.run('alerts', '--target', '99.9', '--window', '30d');
    expect(text.stdoutLines[2]).toBe('page      quick  2 %     1h    5m     ×14.4      1.44 %      2.08 d');
  });

  it('reads a Sloth AlertWindows file and takes its period as the window', async () => {
    const doc = await alerts('--target', '99.9', '--windows', WEEK_WINDOWS);
    expect(doc.window.minutes).toBe(7 * 1440);
    expect(doc.alertSet).toMatchObject({ name: 'week-7d.yaml', source: 'file', scaled: false });
    expect(doc.alerts.map((a) => a.factor)).toEqual([13.44, 3.5, 1.4, 0.98]);
  });

  it('scales the windows of a week-long file set to a day, keeping its factors, and rounds the budget shares it adjusts', async () => {
    const doc = await alerts('--target', '99.9', '--windows', WEEK_WINDOWS, '--window', '1d');
    expect(doc.alertSet).toMatchObject({ name: 'week-7d.yaml, windows scaled to 1d', period: '7d', scaling: 'windows' });
    expect(doc.alerts.map((a) => [a.longWindow, a.shortWindow, a.budgetPercent, a.factor])).toEqual([
      ['9m', '1m', 8.4, 13.44],
      ['51m', '4m', 12.395833333, 3.5],
      ['206m', '17m', 20.027777778, 1.4],
      ['617m', '51m', 41.990277778, 0.98],
    ]);
    const text = await box.run('alerts', '--target', '99.9', '--windows', WEEK_WINDOWS, '--window', '1d');
    expect(text.stdoutLines[3]).toBe('page      slow   12.3958 %  51m   4m     ×3.5       0.35 %      6.86 h');
  });

  it('scales a set made for another period and says so', async () => {
    const doc = await alerts('--target', '99.9', '--window', '60d');
    expect(doc.alertSet).toMatchObject({ name: 'SRE workbook, 30 days, scaled to 60d', period: '30d', scaled: true, scaling: 'factors' });
    expect(doc.alerts[0]!.factor).toBe(28.8);
  });

  it('gives a 1-day window the workbook windows scaled to a day, with factors 14.4 / 6 / 3 / 1', async () => {
    const doc = await alerts('--target', '99.9', '--window', '1d');
    expect(doc.alertSet).toEqual({ name: 'SRE workbook, 30 days, windows scaled to 1d', source: 'built-in', period: '30d', scaled: true, scaling: 'windows' });
    expect(doc.alerts.map((a) => [a.longWindow, a.shortWindow, a.budgetPercent, a.factor, a.warning])).toEqual([
      ['2m', '1m', 2, 14.4, null],
      ['12m', '1m', 5, 6, null],
      ['48m', '4m', 10, 3, null],
      ['144m', '12m', 10, 1, null],
    ]);
    const text = await box.run('alerts', '--target', '99.9', '--window', '1d');
    expect(text.stdoutLines).toEqual([
      'Alerts for 99.9 % over rolling 1 day, from SRE workbook, 30 days, windows scaled to 1d (made for 30d)',
      'severity  speed  budget  long  short  burn rate  error rate  budget gone in',
      'page      quick  2 %     2m    1m     ×14.4      1.44 %      1.67 h',
      'page      slow   5 %     12m   1m     ×6         0.6 %       4 h',
      'ticket    quick  10 %    48m   4m     ×3         0.3 %       8 h',
      'ticket    slow   10 %    144m  12m    ×1         0.1 %       1 d',
    ]);
  });

  it('warns that the page alert of 97.5 % over 90 days can never fire, in the text and in the JSON', async () => {
    const doc = await alerts('--target', '97.5', '--window', '90d');
    const message =
      'Can never fire: it waits for more than 108 % of requests to fail. Lower its burn rate (×43.2) below ×40 ' +
      '(guard a smaller share of the budget, or use longer windows), or choose a shorter SLO window.';
    expect(doc.alerts.map((a) => a.warning)).toEqual([{ kind: 'never-fires', message }, null, null, null]);
    const text = await box.run('alerts', '--target', '97.5', '--window', '90d');
    expect(text.code).toBe(0);
    expect(text.stdoutLines.slice(6)).toEqual([`warning: page quick: ${message}`]);
  });

  it('warns that a page below burn rate 1 pages within budget, for a team set and for a calendar year', async () => {
    writeFileSync(
      box.path('lowpage.yaml'),
      [
        'apiVersion: sloth.slok.dev/v1',
        'kind: AlertWindows',
        'spec:',
        '  sloPeriod: 30d',
        '  page:',
        '    quick: { errorBudgetPercent: 0.1, shortWindow: 5m, longWindow: 1h }',
        '    slow: { errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h }',
        '  ticket:',
        '    quick: { errorBudgetPercent: 10, shortWindow: 2h, longWindow: 1d }',
        '    slow: { errorBudgetPercent: 10, shortWindow: 6h, longWindow: 3d }',
      ].join('\n'),
    );
    const low = await alerts('--target', '99.9', '--windows', 'lowpage.yaml');
    expect(low.alerts.map((a) => a.warning?.kind ?? null)).toEqual(['fires-within-budget', null, null, null]);
    expect(low.alerts[0]!.warning!.message).toMatch(/^Pages while the service is still within its budget: at ×0\.72 the budget lasts 41\.67 d/);
    const year = await alerts('--target', '99', '--window', 'calendar-year:2024');
    expect(year.alerts[0]!.errorRatePercent).toBe('175.7');
    expect(year.alerts.map((a) => a.warning?.kind ?? null)).toEqual(['never-fires', null, null, null]);
  });
});

describe('budget and alerts refuse bad input with one error line and exit 1', () => {
  const cases: Array<{ what: string; argv: string[]; line: string | RegExp }> = [
    {
      what: 'a 100 % target',
      argv: ['budget', '--target', '100', '--window', '30d'],
      line: 'error: Target must be below 100 % (100 % leaves no error budget) [--target]',
    },
    {
      what: 'a target below 50 %',
      argv: ['alerts', '--target', '49.9'],
      line: 'error: Target must be at least 50 % (a looser target is not an objective) [--target]',
    },
    {
      what: 'an unknown time zone',
      argv: ['budget', '--target', '99.9', '--window', 'calendar-month:2027-02:Mars/Olympus'],
      line: 'error: Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin or UTC [--window]',
    },
    {
      what: 'a month that does not exist',
      argv: ['budget', '--target', '99.9', '--window', 'calendar-month:2027-13'],
      line: 'error: There is no calendar month 2027-13 [--window]',
    },
    {
      what: 'traffic that is not a number',
      argv: ['budget', '--target', '99.9', '--window', '30d', '--requests-per-day', 'many'],
      line: 'error: Traffic must be a number of requests per day such as 1000000, not "many" [--requests-per-day]',
    },
    {
      what: 'a slice under Occurrences',
      argv: ['budget', '--target', '99.9', '--window', '30d', '--slice', '5m'],
      line: 'error: --slice and --slice-target apply to the timeslices and ratio-timeslices methods only [--method]',
    },
    {
      what: 'a slice of seconds',
      argv: ['budget', '--target', '99.9', '--window', '30d', '--method', 'timeslices', '--slice', '0.5m'],
      line: 'error: A time slice is a whole number of minutes from 1m to 1d, not "0.5m" [--slice]',
    },
    { what: 'a missing windows file', argv: ['alerts', '--target', '99.9', '--windows', 'nope.yaml'], line: 'error: There is no file nope.yaml [--windows]' },
  ];
  for (const c of cases) {
    it(`refuses ${c.what}`, async () => {
      const r = await box.run(...c.argv);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderrLines).toEqual([c.line]);
    });
  }

  it('refuses an AlertWindows file whose short window is not shorter than its long window, naming the place', async () => {
    writeFileSync(
      box.path('inverted.yaml'),
      [
        'apiVersion: sloth.slok.dev/v1',
        'kind: AlertWindows',
        'spec:',
        '  sloPeriod: 30d',
        '  page:',
        '    quick: {errorBudgetPercent: 2, shortWindow: 2h, longWindow: 1h}',
        '    slow: {errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h}',
        '  ticket:',
        '    quick: {errorBudgetPercent: 10, shortWindow: 2h, longWindow: 1d}',
        '    slow: {errorBudgetPercent: 10, shortWindow: 6h, longWindow: 3d}',
        '',
      ].join('\n'),
    );
    const r = await box.run('alerts', '--target', '99.9', '--windows', 'inverted.yaml');
    expect([r.code, r.stderrLines]).toEqual([
      1,
      ['error: inverted.yaml:6:49: spec.page.quick: the short window (2h) must be shorter than the long window (1h) [--windows]'],
    ]);
  });

  it('refuses malformed YAML with its line and column, as one JSON error line with --json', async () => {
    writeFileSync(box.path('broken.yaml'), 'apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec: {sloPeriod: 30d\n');
    const r = await box.run('alerts', '--target', '99.9', '--windows', 'broken.yaml', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const error = JSON.parse(r.stderr) as JsonError;
    expect(error.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { option: '--windows', path: 'broken.yaml', line: expect.any(Number), column: expect.any(Number) },
    });
    expect(error.error.message).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it("asks for --window when the file's SLO period is not a whole number of days", async () => {
    writeFileSync(
      box.path('hours.yaml'),
      [
        'apiVersion: sloth.slok.dev/v1',
        'kind: AlertWindows',
        'spec:',
        '  sloPeriod: 36h',
        '  page: {quick: {errorBudgetPercent: 2, shortWindow: 5m, longWindow: 1h}, slow: {errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h}}',
        '  ticket: {quick: {errorBudgetPercent: 10, shortWindow: 2h, longWindow: 1d}, slow: {errorBudgetPercent: 10, shortWindow: 6h, longWindow: 30h}}',
        '',
      ].join('\n'),
    );
    const r = await box.run('alerts', '--target', '99.9', '--windows', 'hours.yaml');
    expect([r.code, r.stderrLines]).toEqual([
      1,
      ['error: The SLO period of hours.yaml (36h) is not a whole number of days: give the SLO window with --window [--window]'],
    ]);
  });

  it("refuses a '['.repeat(100000) windows file without crashing", async () => {
    writeFileSync(box.path('deep.yaml'), '['.repeat(100_000));
    const r = await box.run('alerts', '--target', '99.9', '--windows', 'deep.yaml');
    expect([r.code, r.stderrLines]).toEqual([1, ['error: deep.yaml:1:64: The YAML is nested more than 64 levels deep [--windows]']]);
  });
});
