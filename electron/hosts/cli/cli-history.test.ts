import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonAnalyzeReport, JsonBacktestReport, JsonExclusionAdded, JsonExclusionList } from './json-output';

const W = ['--workspace', 'w.slowb'] as const;
const TARGET = [...W, '--service', 'web', '--sli', 'availability'] as const;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const OUTAGE = Date.UTC(2026, 0, 6, 12);
let box: Sandbox;

/** 14 days of minutes at 100 requests, a 20-minute total outage on 6 January at 12:00 UTC, and every Sunday 02:00–03:00 at half errors. */
function writeHistory(): string {
  const lines = ['time,good,total'];
  for (let t = START + 60_000; t <= START + 14 * DAY; t += 60_000) {
    const d = new Date(t - 60_000);
    const outage = t > OUTAGE && t <= OUTAGE + 20 * 60_000;
    lines.push(`${new Date(t).toISOString()},${outage ? 0 : d.getUTCDay() === 0 && d.getUTCHours() === 2 ? 50 : 100},100`);
  }
  const path = join(box.dir, 'history.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

beforeEach(async () => {
  box = await makeSliSandbox();
  await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.9', '--window', '7d');
  await box.json('import', writeHistory(), ...TARGET, '--map', 'time=time,good=good,total=total');
}, 60_000);

afterEach(() => box.cleanup());

describe('slo-workbench exclusion', () => {
  it('adds a weekly maintenance window, lists it and removes it', async () => {
    const added = await box.json<JsonExclusionAdded>(
      'exclusion',
      'add',
      ...W,
      '--service',
      'web',
      '--start',
      '2026-01-04T02:00',
      '--duration',
      '1h',
      '--every',
      'FREQ=WEEKLY;BYDAY=SU',
      '--reason',
      'Sunday patching',
    );
    expect(added.exclusion).toMatchObject({
      category: 'maintenance',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      timeZone: 'UTC',
      startMs: Date.UTC(2026, 0, 4, 2),
    });
    const text = await box.run('exclusion', 'list', ...W, '--service', 'web');
    expect(text.stdout).toContain(
      `#${added.exclusion.id} from 2026-01-04 02:00 UTC, repeating FREQ=WEEKLY;BYDAY=SU for 1h; Planned maintenance; all SLIs; Sunday patching`,
    );
    await box.json('exclusion', 'remove', ...W, '--id', String(added.exclusion.id));
    expect((await box.json<JsonExclusionList>('exclusion', 'list', ...W, '--service', 'web')).exclusions).toEqual([]);
  }, 60_000);

  it('refuses a rule it cannot read, naming the option', async () => {
    const r = await box.run(
      'exclusion',
      'add',
      ...W,
      '--service',
      'web',
      '--start',
      '2026-01-04T02:00',
      '--duration',
      '1h',
      '--every',
      'FREQ=SOMETIMES',
      '--reason',
      'x',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { option: '--every' } } });
  }, 60_000);
});

describe('slo-workbench analyze with exclusions', () => {
  it('shows the analysis with and without the excluded periods, with each budget window', async () => {
    await box.json(
      'exclusion',
      'add',
      ...W,
      '--service',
      'web',
      '--start',
      '2026-01-04T02:00',
      '--duration',
      '1h',
      '--every',
      'FREQ=WEEKLY;BYDAY=SU',
      '--reason',
      'Sunday patching',
    );
    const { analysis } = await box.json<JsonAnalyzeReport>('analyze', ...TARGET, '--window', '7d');
    // Two Sundays of 60 samples each are left out.
    expect(analysis.excluding).toMatchObject({ exclusions: 1, droppedSamples: 120 });
    expect(analysis.excluding!.overall).toBeGreaterThan(analysis.overall);
    // Two 7-day budget windows; the first holds the outage: 2,000 bad requests against a budget of 1,008.
    const windows = analysis.windowsByTier.slo!;
    expect(windows.map((w) => w.label)).toEqual(['2026-01-01 – 2026-01-07', '2026-01-08 – 2026-01-14']);
    expect(windows[0]!.met).toBe(false);
    const text = await box.run('analyze', ...TARGET, '--window', '7d');
    expect(text.stdout).toContain('without 1 exclusion (120 samples left out)');
    expect(text.stdout).toContain('2026-01-01 – 2026-01-07: ');
  }, 60_000);
});

describe('slo-workbench backtest', () => {
  it('pages on the outage within minutes, and says when the page resolved', async () => {
    const { backtest } = await box.json<JsonBacktestReport>('backtest', ...TARGET);
    const slo = backtest.tiers.find((t) => t.tier === 'slo')!;
    const page = slo.firings.find((f) => f.severity === 'page' && f.firedMs > OUTAGE && f.firedMs <= OUTAGE + 20 * 60_000);
    expect(page).toBeDefined();
    expect(page!.resolvedMs).not.toBeNull();
    const outage = slo.events.find((e) => e.worstSli === 0)!;
    expect(outage.detectedBy).toBe('page');
    expect(outage.delayMs).toBeLessThanOrEqual(5 * 60_000);
    const text = await box.run('backtest', ...TARGET);
    expect(text.stdout).toMatch(/SLO 99\.9 %: \d+ pages?, \d+ tickets?/);
    // A 7-day SLO gets the workbook windows scaled to a week, and alerts fire above their factor.
    expect(text.stdout).toContain('Alert set "SRE workbook, 30 days, windows scaled to 7d" replayed over');
    expect(text.stdout).toContain('page (quick, 14m/1m > 14.40×): fired 2026-01-06 12:01');
  }, 60_000);

  it("names the set of a tier whose window differs from the SLO's", async () => {
    await box.json('objective', 'set', ...TARGET, '--tier', 'sla', '--target', '99', '--window', '1d');
    const text = await box.run('backtest', ...TARGET);
    expect(text.stdoutLines.filter((l) => l.startsWith('SLA ') || l.startsWith('SLO '))).toEqual([
      expect.stringMatching(/^SLA 99 %: \d+ pages?, \d+ tickets?; .*, alert set "SRE workbook, 30 days, windows scaled to 1d"$/),
      expect.stringMatching(/^SLO 99\.9 %: /),
    ]);
    expect(text.stdoutLines.find((l) => l.startsWith('SLO '))).not.toContain('alert set');
  }, 60_000);
});
