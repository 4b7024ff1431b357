import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertPeriodMinutes, chooseAlertSet, DEFAULT_ALERT_SETS } from '#shared/budget/alerts';
import { createCore, type Core } from './registry';
import { value } from './test/temp-core';

let dir: string;
let core: Core;
let sliId: number;

const START = Date.UTC(2026, 0, 1);
/** The core's clock: a day in 2026, a year of 365 days. */
const NOW = Date.UTC(2026, 5, 15, 12);

/**
 * 14 days of minutes, 100 requests each, with a 5-minute burst of 10 bad requests every 2 hours: 0.42 % of each day's
 * requests, so a 99 % SLA over one day is met in every window (41.7 % of its budget spent each day).
 */
function writeBursts(): string {
  const lines = ['time,good,total'];
  for (let m = 1; m <= 14 * 1440; m++) lines.push(`${new Date(START + m * 60_000).toISOString()},${m % 120 < 5 ? 90 : 100},100`);
  const path = join(dir, 'bursts.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'swb-backtest-sets-'));
  core = createCore({ host: 'cli', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(dir, p), now: () => NOW });
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  const serviceId = (await value(core.call('service/create', { name: 'web' }))).id;
  sliId = (await value(core.call('sli/create', { serviceId, name: 'availability', kind: 'availability' }))).id;
  await value(
    core.call('import/file', {
      sliId,
      path: writeBursts(),
      format: 'csv',
      csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
    }),
  );
}, 30_000);

afterEach(() => {
  core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("the backtest picks each tier's alert set as the tier editor and the CLI do", () => {
  it('raises 0 pages and 0 tickets for a 1-day SLA met in every window, with the workbook windows scaled to a day', async () => {
    await value(core.call('objective/set', { sliId, tier: 'sla', targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'occurrences' }));
    const r = await value(core.call('analysis/backtest', { sliId, excluding: true }));
    expect(r.setName).toBe('SRE workbook, 30 days, windows scaled to 1d');
    expect(r.periodMinutes).toBe(1440);
    const sla = r.tiers.find((t) => t.tier === 'sla')!;
    expect([sla.setName, sla.pages, sla.tickets]).toEqual(['SRE workbook, 30 days, windows scaled to 1d', 0, 0]);
  });

  it('gives each tier the set of its own window: a 1-day SLA beside a 30-day SLO', async () => {
    await value(core.call('objective/set', { sliId, tier: 'sla', targetPpm: 990_000, window: { kind: 'rolling', days: 1 }, method: 'occurrences' }));
    await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 999_000, window: { kind: 'rolling', days: 30 }, method: 'occurrences' }));
    const r = await value(core.call('analysis/backtest', { sliId, excluding: true }));
    expect(r.tiers.map((t) => [t.tier, t.setName])).toEqual([
      ['sla', 'SRE workbook, 30 days, windows scaled to 1d'],
      ['slo', 'SRE workbook, 30 days'],
    ]);
    expect(r.tiers.find((t) => t.tier === 'sla')!.pages).toBe(0);
  });

  it('measures a calendar year by the year the clock is in, as the tier editor does: 365 days in 2026', async () => {
    const year = { kind: 'calendar', unit: 'year', timeZone: 'UTC' } as const;
    await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 990_000, window: year, method: 'occurrences' }));
    const r = await value(core.call('analysis/backtest', { sliId, excluding: true }));
    const editor = chooseAlertSet(DEFAULT_ALERT_SETS, alertPeriodMinutes(year, NOW));
    expect([r.setName, r.periodMinutes]).toEqual(['SRE workbook, 30 days, scaled to 365d', 365 * 1440]);
    expect(r.setName).toBe(editor.name);
  });
});
