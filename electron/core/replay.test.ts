import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
let serviceId: number;
/** An SLI whose history has one 30-minute total outage, the same with the outage excluded, one with a clean history, and one with none imported. */
let outageSli: number;
let excludedSli: number;
let slicedSli: number;
let cleanSli: number;
let emptySli: number;

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const END = START + 28 * DAY;
const REQUESTS_PER_MINUTE = 100;
const OUTAGE = { from: Date.UTC(2026, 0, 17, 10), to: Date.UTC(2026, 0, 17, 10, 30) };

/** 28 days of minute samples of 100 requests, stamped at each minute's end; with `outage`, 2026-01-17 10:00–10:30 fails every request. */
function writeHistory(name: string, outage: boolean): string {
  const lines = ['time,good,total'];
  for (let t = START + MINUTE; t <= END; t += MINUTE) {
    const down = outage && t > OUTAGE.from && t <= OUTAGE.to;
    lines.push(`${new Date(t).toISOString()},${down ? 0 : REQUESTS_PER_MINUTE},${REQUESTS_PER_MINUTE}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function sliWithHistory(name: string, file: string | null): Promise<number> {
  const sliId = (await value(core.call('sli/create', { serviceId, name, kind: 'availability' }))).id;
  await value(core.call('objective/set', { sliId, tier: 'sla', targetPpm: 990_000, window: { kind: 'rolling', days: 7 }, method: 'occurrences' }));
  await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 999_000, window: { kind: 'rolling', days: 7 }, method: 'occurrences' }));
  if (file) {
    const csv = { mapping: { kind: 'good-total' as const, time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' as const };
    await value(core.call('import/file', { sliId, path: file, format: 'csv', csv }));
  }
  return sliId;
}

beforeAll(async () => {
  ({ dir, core } = tempCore('swb-replay-'));
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  serviceId = (await value(core.call('service/create', { name: 'checkout' }))).id;
  outageSli = await sliWithHistory('availability', writeHistory('outage.csv', true));
  cleanSli = await sliWithHistory('clean availability', writeHistory('clean.csv', false));
  excludedSli = await sliWithHistory('excluded availability', join(dir, 'outage.csv'));
  const exclusion = { category: 'dependency' as const, reason: 'Cloud region down', startMs: OUTAGE.from, durationMinutes: 30, rrule: null, timeZone: 'UTC' };
  await value(core.call('exclusion/add', { serviceId, sliId: excludedSli, exclusion }));
  slicedSli = await sliWithHistory('sliced availability', join(dir, 'outage.csv'));
  const slices = { sliceMinutes: 5, sliceTargetPpm: 950_000 };
  await value(
    core.call('objective/set', {
      sliId: slicedSli,
      tier: 'slo',
      targetPpm: 999_000,
      window: { kind: 'calendar', unit: 'week', timeZone: 'UTC' },
      method: 'timeslices',
      timeslice: slices,
    }),
  );
  emptySli = await sliWithHistory('payments availability', null);
}, 60_000);

afterAll(() => removeTempCore({ dir, core }));

/** The third 7-day budget window of the history, which holds the outage. */
const WEEK3 = { fromMs: START + 14 * DAY, toMs: START + 21 * DAY };

describe('a replay without injected events is the analysis of the same window', () => {
  it('gives a modified side equal to the plain one', async () => {
    const r = await value(core.call('simulation/replay', { sliId: outageSli, ...WEEK3, injections: [] }));
    expect(r.modified).toEqual(r.plain);
    expect(r.injections).toEqual([]);
  });

  it('spends the budget the budget table says for that window, and draws the burn-down analysis/burndown draws', async () => {
    const r = await value(core.call('simulation/replay', { sliId: outageSli, ...WEEK3, injections: [] }));
    const analysis = await value(core.call('analysis/sli', { sliId: outageSli, windowDays: 7 }));
    for (const tier of ['sla', 'slo'] as const) {
      const window = analysis.windowsByTier[tier]!.find((w) => w.startMs === WEEK3.fromMs)!;
      const replayed = r.plain.tiers.find((t) => t.tier === tier)!;
      expect([replayed.sli, replayed.met, replayed.budgetConsumed]).toEqual([window.sli, window.met, window.budgetConsumed]);
      const drawn = await value(core.call('analysis/burndown', { sliId: outageSli, tier, startMs: WEEK3.fromMs }));
      expect(replayed.burnDown).toEqual(drawn.remaining);
    }
    // 3,000 bad events against 0.1 % of 7 × 1,440 × 100 requests: 2.98 budgets.
    expect(r.plain.tiers.find((t) => t.tier === 'slo')!.budgetConsumed).toBeCloseTo(3000 / 1008, 9);
  });

  it('counts a time-slice SLO over a calendar week in its slices, as the budget table and analysis/burndown do', async () => {
    // The ISO week of the outage: Monday 12 to Monday 19 January 2026.
    const week = { fromMs: Date.UTC(2026, 0, 12), toMs: Date.UTC(2026, 0, 19) };
    const r = await value(core.call('simulation/replay', { sliId: slicedSli, ...week, injections: [] }));
    const analysis = await value(core.call('analysis/sli', { sliId: slicedSli, windowDays: 7 }));
    const window = analysis.windowsByTier.slo!.find((w) => w.startMs === week.fromMs)!;
    const slo = r.plain.tiers.find((t) => t.tier === 'slo')!;
    // 6 bad 5-minute slices against the whole bad slices 0.1 % of the week's 2,016 allows: 2.
    expect([slo.sli, slo.budgetConsumed]).toEqual([window.sli, window.budgetConsumed]);
    expect(slo.budgetConsumed).toBe(3);
    const drawn = await value(core.call('analysis/burndown', { sliId: slicedSli, tier: 'slo', startMs: week.fromMs }));
    expect(slo.burnDown).toEqual(drawn.remaining);
  });

  it('fires the alerts analysis/backtest fires inside the window: both pages and both tickets for the outage', async () => {
    const r = await value(core.call('simulation/replay', { sliId: outageSli, ...WEEK3, injections: [] }));
    const bt = await value(core.call('analysis/backtest', { sliId: outageSli }));
    expect(r.setName).toBe(bt.setName);
    for (const tier of ['sla', 'slo'] as const) {
      const expected = bt.tiers
        .find((t) => t.tier === tier)!
        .firings.filter((f) => f.firedMs > WEEK3.fromMs && f.firedMs <= WEEK3.toMs)
        .map(({ severity, speed, firedMs, resolvedMs }) => ({ severity, speed, firedMs, resolvedMs }));
      expect(r.plain.tiers.find((t) => t.tier === tier)!.firings).toEqual(expected);
    }
    const slo = r.plain.tiers.find((t) => t.tier === 'slo')!;
    expect([slo.pages, slo.tickets]).toEqual([2, 2]);
    expect(slo.firings[0]).toMatchObject({ severity: 'page', speed: 'quick', firedMs: OUTAGE.from + MINUTE });
  });

  it('reads the alert windows back before the replayed window, so an outage 4 hours into it fires as in the whole history', async () => {
    const late = { fromMs: OUTAGE.from - 4 * 3_600_000, toMs: END };
    const r = await value(core.call('simulation/replay', { sliId: outageSli, ...late, injections: [] }));
    const bt = await value(core.call('analysis/backtest', { sliId: outageSli }));
    const expected = bt.tiers
      .find((t) => t.tier === 'slo')!
      .firings.filter((f) => f.firedMs > late.fromMs)
      .map(({ severity, speed, firedMs, resolvedMs }) => ({ severity, speed, firedMs, resolvedMs }));
    expect(expected.map((f) => f.speed)).toEqual(['quick', 'slow', 'quick', 'slow']);
    expect(r.plain.tiers.find((t) => t.tier === 'slo')!.firings).toEqual(expected);
  });

  it('replays the last 7-day SLO window of the history when no window is given', async () => {
    const r = await value(core.call('simulation/replay', { sliId: outageSli, injections: [] }));
    expect([r.fromMs, r.toMs]).toEqual([END - 7 * DAY, END]);
    expect(r.plain.tiers.map((t) => [t.tier, t.budgetConsumed, t.pages])).toEqual([
      ['sla', 0, 0],
      ['slo', 0, 0],
    ]);
  });
});

describe('an injected event is replayed into the history', () => {
  const hour = { name: 'bad deploy', startMs: Date.UTC(2026, 0, 20, 12), durationMinutes: 60, errorRate: 1 };

  it('adds 60 × 100 bad events for a 60-minute 100 % event in a clean minute history and fires both pages', async () => {
    const r = await value(core.call('simulation/replay', { sliId: cleanSli, ...WEEK3, injections: [hour] }));
    expect(r.injections).toEqual([{ ...hour, repeat: 'once', occurrences: 1, addedBadEvents: 60 * REQUESTS_PER_MINUTE }]);
    const plain = r.plain.tiers.find((t) => t.tier === 'slo')!;
    const modified = r.modified.tiers.find((t) => t.tier === 'slo')!;
    expect([plain.pages, plain.budgetConsumed]).toEqual([0, 0]);
    expect(modified.pages).toBe(2);
    expect(modified.firings.filter((f) => f.severity === 'page').map((f) => f.speed)).toEqual(['quick', 'slow']);
    expect(modified.firings[0]!.firedMs).toBe(hour.startMs + MINUTE);
    expect(modified.budgetConsumed).toBeCloseTo(6000 / 1008, 9);
    expect(modified.sli).toBeCloseTo(1 - 6000 / (7 * 1440 * 100), 12);
    expect(modified.met).toBe(false);
  });

  it('shows the policy exhausted from the minute the budget ran out, and healthy all through the plain week', async () => {
    const r = await value(core.call('simulation/replay', { sliId: cleanSli, ...WEEK3, injections: [hour] }));
    expect(r.plain.policy!.intervals).toEqual([{ state: 'healthy', startMs: WEEK3.fromMs, endMs: WEEK3.toMs }]);
    // The budget is 1,008 bad events: the event's 11th minute spends the last of it.
    const exhausted = r.modified.policy!.intervals.find((i) => i.state === 'exhausted')!;
    expect(exhausted).toEqual({ state: 'exhausted', startMs: hour.startMs + 10 * MINUTE, endMs: WEEK3.toMs });
    expect(r.modified.policy!.daysIn.exhausted).toBeCloseTo((WEEK3.toMs - exhausted.startMs) / DAY, 9);
  });

  it('counts a weekly event by its occurrences inside the window only', async () => {
    const weekly = { name: 'weekly deploy', startMs: START + 2 * DAY, durationMinutes: 10, errorRate: 0.005, repeat: 'weekly' as const };
    const r = await value(core.call('simulation/replay', { sliId: cleanSli, ...WEEK3, injections: [weekly] }));
    expect(r.injections[0]!.occurrences).toBe(1);
    expect(r.injections[0]!.addedBadEvents).toBeCloseTo(10 * 100 * 0.005, 9);
  });
});

describe('a replay leaves excluded periods out when asked, as the analysis does', () => {
  it('spends nothing and pages no one for an excluded outage, and replays it when exclusions are not applied', async () => {
    const excluding = await value(core.call('simulation/replay', { sliId: excludedSli, ...WEEK3, injections: [] }));
    const all = await value(core.call('simulation/replay', { sliId: excludedSli, ...WEEK3, injections: [], excluding: false }));
    const slo = (r: typeof all) => r.plain.tiers.find((t) => t.tier === 'slo')!;
    expect([slo(excluding).budgetConsumed, slo(excluding).pages, excluding.excluding]).toEqual([0, 0, true]);
    expect([slo(all).budgetConsumed, slo(all).pages]).toEqual([3000 / 1008, 2]);
  });
});

describe('a replay again with other events', () => {
  it('shows the same plain side, and reads an edit of the target or the exclusions made in between', async () => {
    const sliId = await sliWithHistory('edited availability', join(dir, 'outage.csv'));
    const hour = { name: 'bad deploy', startMs: Date.UTC(2026, 0, 20, 12), durationMinutes: 60, errorRate: 1 };
    const slo = (r: { plain: { tiers: { tier: string; budgetConsumed: number }[] } }) => r.plain.tiers.find((t) => t.tier === 'slo')!.budgetConsumed;
    const first = await value(core.call('simulation/replay', { sliId, ...WEEK3, injections: [] }));
    const again = await value(core.call('simulation/replay', { sliId, ...WEEK3, injections: [hour] }));
    expect(again.plain).toEqual(first.plain);
    expect(slo(again)).toBe(3000 / 1008);
    // A 99.8 % SLO has twice the budget, so the outage spends half as much of it.
    await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 998_000, window: { kind: 'rolling', days: 7 }, method: 'occurrences' }));
    expect(slo(await value(core.call('simulation/replay', { sliId, ...WEEK3, injections: [hour] })))).toBeCloseTo(3000 / 2016, 12);
    const exclusion = { category: 'dependency' as const, reason: 'Cloud region down', startMs: OUTAGE.from, durationMinutes: 30, rrule: null, timeZone: 'UTC' };
    await value(core.call('exclusion/add', { serviceId, sliId, exclusion }));
    expect(slo(await value(core.call('simulation/replay', { sliId, ...WEEK3, injections: [hour] })))).toBe(0);
  });
});

describe('a replay refuses what it cannot read, naming the field', () => {
  it('says an SLI without history has none, by name', async () => {
    const r = await core.call('simulation/replay', { sliId: emptySli, injections: [] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'sliId' } });
    expect(r.ok ? '' : r.error.message).toContain('"payments availability"');
  });

  it('refuses a window starting before the history, naming fromMs and where the history begins', async () => {
    const r = await core.call('simulation/replay', { sliId: outageSli, fromMs: START - DAY, toMs: WEEK3.toMs, injections: [] });
    expect(r.ok ? null : r.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'fromMs (2025-12-31 00:00 UTC) lies outside the history: the history of "availability" runs from 2026-01-01 00:00 UTC to 2026-01-29 00:00 UTC',
      details: { field: 'fromMs' },
    });
  });

  it('refuses a window ending after the history, naming toMs', async () => {
    const r = await core.call('simulation/replay', { sliId: outageSli, toMs: END + DAY, injections: [] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'toMs' } });
  });

  it('refuses a window that ends before it starts, naming toMs', async () => {
    const r = await core.call('simulation/replay', { sliId: outageSli, fromMs: WEEK3.toMs, toMs: WEEK3.fromMs, injections: [] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'toMs' } });
  });
});
