import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '#shared/ipc/events';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;
let serviceId: number;
let sliId: number;

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/**
 * Writes 60 days of minute samples (100 requests a minute, all good) with one total outage: 2026-01-20 10:00–10:30
 * UTC, and a weekly Sunday 02:00–03:00 UTC maintenance window at 50 % errors.
 */
function writeHistory(): string {
  const lines = ['time,good,total'];
  for (let t = START + 60_000; t <= START + 60 * DAY; t += 60_000) {
    const d = new Date(t - 60_000);
    const outage = t > Date.UTC(2026, 0, 20, 10) && t <= Date.UTC(2026, 0, 20, 10, 30);
    const maintenance = d.getUTCDay() === 0 && d.getUTCHours() === 2;
    lines.push(`${new Date(t).toISOString()},${outage ? 0 : maintenance ? 50 : 100},100`);
  }
  const path = join(dir, 'history.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function importHistory() {
  return value(
    core.call('import/file', {
      sliId,
      path: writeHistory(),
      format: 'csv',
      csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
    }),
  );
}

beforeEach(async () => {
  ({ dir, core } = tempCore('swb-hist-'));
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  serviceId = (await value(core.call('service/create', { name: 'checkout' }))).id;
  sliId = (await value(core.call('sli/create', { serviceId, name: 'availability', kind: 'availability' }))).id;
  await value(core.call('objective/set', { sliId, tier: 'slo', targetPpm: 999_000, window: { kind: 'rolling', days: 7 }, method: 'occurrences' }));
}, 30_000);

afterEach(() => removeTempCore({ dir, core }));

const weekly = {
  category: 'maintenance' as const,
  reason: 'Sunday patching',
  startMs: Date.UTC(2026, 0, 4, 2),
  durationMinutes: 60,
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  timeZone: 'UTC',
};

describe('previewing a file before importing it', () => {
  it('suggests the mapping and the time format from the header and the first rows', async () => {
    const preview = await value(core.call('import/preview', { path: writeHistory() }));
    expect(preview.format).toBe('csv');
    expect(preview.csv).toMatchObject({
      headers: ['time', 'good', 'total'],
      mapping: { kind: 'good-total', time: 0, good: 1, total: 2 },
      timeFormat: 'iso',
      needsTimeZone: false,
    });
    expect(preview.lines[0]).toBe('time,good,total');
  });
});

describe('importing with progress and cancel', () => {
  it('reports the phases of an import under its job id', async () => {
    const seen: EventMap['import-progress'][] = [];
    core.on('import-progress', (p) => seen.push(p));
    await value(
      core.call('import/file', {
        sliId,
        path: writeHistory(),
        format: 'csv',
        jobId: 'job-1',
        csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
      }),
    );
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'parsing', 'storing', 'done']));
    expect(seen.every((p) => p.jobId === 'job-1')).toBe(true);
    // 86,400 rows are read in chunks of 65,536: parsing reports a share of the file between none and all of it.
    const parsing = seen.filter((p) => p.phase === 'parsing' && p.done > 0);
    expect(parsing.length).toBeGreaterThanOrEqual(1);
    expect(parsing.every((p) => p.done < p.total)).toBe(true);
  });

  it('cancels a running import and stores nothing', async () => {
    const running = core.call('import/file', {
      sliId,
      path: writeHistory(),
      format: 'csv',
      jobId: 'job-2',
      csv: { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' },
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await value(core.call('import/cancel', { jobId: 'job-2' }))).toEqual({ cancelled: true });
    const r = await running;
    expect(r.ok ? 'stored' : r.error.code).toBe('CANCELLED');
    expect(await value(core.call('import/list', { sliId }))).toEqual([]);
    expect(await value(core.call('import/cancel', { jobId: 'job-2' }))).toEqual({ cancelled: false });
  });
});

describe('exclusions', () => {
  it('are added, listed and deleted as undoable edits', async () => {
    const added = await value(core.call('exclusion/add', { serviceId, exclusion: weekly }));
    expect(added).toMatchObject({ serviceId, sliId: null, rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    expect(await value(core.call('exclusion/list', { serviceId }))).toHaveLength(1);
    await value(core.call('edit/undo', {}));
    expect(await value(core.call('exclusion/list', { serviceId }))).toHaveLength(0);
    await value(core.call('edit/redo', {}));
    expect((await value(core.call('exclusion/list', { serviceId })))[0]!.id).toBe(added.id);
    await value(core.call('exclusion/delete', { id: added.id }));
    expect(await value(core.call('exclusion/list', { serviceId }))).toHaveLength(0);
  });

  it('refuses a bad rule naming the field', async () => {
    const r = await core.call('exclusion/add', { serviceId, exclusion: { ...weekly, rrule: 'FREQ=SOMETIMES' } });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'rrule' } });
  });

  it('change the analysis, which shows results with and without them', async () => {
    await importHistory();
    const before = await value(core.call('analysis/sli', { sliId, windowDays: 7 }));
    expect(before.excluding).toBeNull();
    await value(core.call('exclusion/add', { serviceId, exclusion: weekly }));
    const after = await value(core.call('analysis/sli', { sliId, windowDays: 7 }));
    expect(after.overall).toBeCloseTo(before.overall, 12);
    expect(after.excluding).not.toBeNull();
    // Nine Sundays of 60 samples each fall inside the 60 days.
    expect(after.excluding!.droppedSamples).toBe(9 * 60);
    expect(after.excluding!.overall).toBeGreaterThan(after.overall);
  });
});

describe('undo keeps imported history', () => {
  it('undoing an objective change does not delete the SLI history', async () => {
    await importHistory();
    await value(core.call('objective/set', { sliId, tier: 'sla', targetPpm: 990_000, window: { kind: 'rolling', days: 7 }, method: 'occurrences' }));
    await value(core.call('edit/undo', {}));
    expect(await value(core.call('import/list', { sliId }))).toHaveLength(1);
    await value(core.call('exclusion/add', { serviceId, exclusion: weekly }));
    await value(core.call('service/rename', { serviceId, name: 'checkout-api' }));
    await value(core.call('edit/undo', {}));
    expect(await value(core.call('exclusion/list', { serviceId }))).toHaveLength(1);
  });
});

describe('charts, burn-down and backtest', () => {
  it('downsamples the chart to the points asked for, and zooms', async () => {
    await importHistory();
    const full = await value(core.call('analysis/chart', { sliId, maxPoints: 500, windowDays: 7 }));
    expect(full.samples).toBe(60 * 1440);
    expect(full.sli.x.length).toBeLessThanOrEqual(500);
    // LTTB keeps the outage's 0 % samples visible.
    expect(Math.min(...full.sli.y.filter(Number.isFinite))).toBe(0);
    const from = Date.UTC(2026, 0, 20, 9);
    const zoomed = await value(core.call('analysis/chart', { sliId, fromMs: from, toMs: from + 2 * 3_600_000, maxPoints: 500 }));
    expect(zoomed.view).toEqual({ startMs: from, endMs: from + 2 * 3_600_000 });
    expect(zoomed.samples).toBeGreaterThanOrEqual(120);
    expect(zoomed.sli.x.length).toBe(zoomed.samples);
  });

  it('ends the burn-down of a window where the budget table says', async () => {
    await importHistory();
    const report = await value(core.call('analysis/sli', { sliId, windowDays: 7 }));
    const windows = report.windowsByTier.slo!;
    const worst = windows.reduce((a, b) => (b.budgetConsumed > a.budgetConsumed ? b : a));
    const bd = await value(core.call('analysis/burndown', { sliId, tier: 'slo', startMs: worst.startMs, excluding: false }));
    expect(bd.remaining.y[0]).toBe(1);
    expect(bd.remaining.y.at(-1)).toBeCloseTo(1 - worst.budgetConsumed, 9);
  });

  it('ends a time-slice burn-down where the budget table says too', async () => {
    await importHistory();
    await value(
      core.call('objective/set', {
        sliId,
        tier: 'target',
        targetPpm: 999_000,
        window: { kind: 'calendar', unit: 'week', timeZone: 'UTC' },
        method: 'timeslices',
        timeslice: { sliceMinutes: 5, sliceTargetPpm: 990_000 },
      }),
    );
    const report = await value(core.call('analysis/sli', { sliId, windowDays: 7 }));
    const weeks = report.windowsByTier.target!;
    expect(weeks.some((w) => w.budgetConsumed > 0)).toBe(true);
    for (const w of weeks.filter((x) => x.budgetConsumed > 0).slice(0, 3)) {
      const bd = await value(core.call('analysis/burndown', { sliId, tier: 'target', startMs: w.startMs, excluding: false }));
      expect(bd.remaining.y.at(-1)).toBeCloseTo(Math.max(-10, 1 - w.budgetConsumed), 9);
    }
  });

  it('backtests the SLO alerts: the outage pages', async () => {
    await importHistory();
    const r = await value(core.call('analysis/backtest', { sliId, excluding: true }));
    const slo = r.tiers.find((t) => t.tier === 'slo')!;
    const outageStart = Date.UTC(2026, 0, 20, 10);
    const page = slo.firings.find((f) => f.severity === 'page' && f.firedMs >= outageStart && f.firedMs <= outageStart + 30 * 60_000);
    expect(page).toBeDefined();
    expect(slo.events.some((e) => e.detectedBy === 'page' && e.startMs <= outageStart + 60_000)).toBe(true);
  });

  it('deletes an import with its series', async () => {
    const summary = await importHistory();
    await value(core.call('import/delete', { importId: summary.importId! }));
    expect(await value(core.call('import/list', { sliId }))).toEqual([]);
    const r = await core.call('analysis/sli', { sliId });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
