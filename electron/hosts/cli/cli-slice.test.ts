import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonServiceList, JsonShow, JsonSliChanged, JsonSliList, JsonWorkspaceCreated } from './json-output';
import { LATEST_SCHEMA_VERSION } from '../../core/storage/db';

let box: Sandbox;
const W = ['--workspace', 'team.slowb'] as const;

beforeEach(() => {
  box = makeSandbox();
});

afterEach(() => box.cleanup());

async function latencyLadder(): Promise<void> {
  await box.json('workspace', 'create', 'team.slowb');
  await box.json('service', 'add', ...W, 'checkout');
  await box.json('sli', 'add', ...W, '--service', 'checkout', '--kind', 'latency', '--threshold-ms', '200', 'latency');
  const tiers = [
    ['sla', '90', '150'],
    ['slo', '99', '200'],
    ['target', '99.5', '200'],
  ] as const;
  for (const [tier, target, ms] of tiers) {
    await box.json(
      'objective',
      'set',
      ...W,
      '--service',
      'checkout',
      '--sli',
      'latency',
      '--tier',
      tier,
      '--target',
      target,
      '--window',
      '30d',
      '--threshold-ms',
      ms,
    );
  }
}

describe('slo-workbench, the full slice', () => {
  it('creates a workspace, adds a latency SLI with three tiers and shows their budgets as JSON', async () => {
    await latencyLadder();
    const show = await box.json<JsonShow>('show', ...W);
    expect(show).toMatchObject({
      format: 'slo-workbench/v1',
      ok: true,
      command: 'show',
      workspace: { name: 'team.slowb', path: box.path('team.slowb'), readOnly: false },
    });
    expect(show.services).toHaveLength(1);
    const sli = show.services[0]?.slis[0];
    expect(sli).toMatchObject({ name: 'latency', kind: 'latency', latencyThresholdMs: 200, warnings: [] });
    expect(sli?.tiers).toEqual([
      {
        tier: 'sla',
        target: '90',
        targetPpm: 900_000,
        window: '30d',
        timeZone: null,
        method: 'occurrences',
        timeslice: null,
        latencyThresholdMs: 150,
        budget: { minutesMin: 4320, minutesMax: 4320, ppm: 100_000 },
      },
      {
        tier: 'slo',
        target: '99',
        targetPpm: 990_000,
        window: '30d',
        timeZone: null,
        method: 'occurrences',
        timeslice: null,
        latencyThresholdMs: 200,
        budget: { minutesMin: 432, minutesMax: 432, ppm: 10_000 },
      },
      {
        tier: 'target',
        target: '99.5',
        targetPpm: 995_000,
        window: '30d',
        timeZone: null,
        method: 'occurrences',
        timeslice: null,
        latencyThresholdMs: 200,
        budget: { minutesMin: 216, minutesMax: 216, ppm: 5000 },
      },
    ]);
    expect(sli?.buffers).toEqual([
      { from: 'sla', to: 'slo', points: '9', ppm: 90_000, minutesMin: 3888, minutesMax: 3888 },
      { from: 'slo', to: 'target', points: '0.5', ppm: 5000, minutesMin: 216, minutesMax: 216 },
    ]);
  });

  it('gives 43.2 minutes for 99.9 % over 30 days and 40.32–44.64 minutes over a calendar month', async () => {
    await box.json('workspace', 'create', 'team.slowb');
    await box.json('service', 'add', ...W, 'api');
    await box.json('sli', 'add', ...W, '--service', 'api', 'availability');
    await box.json('objective', 'set', ...W, '--service', 'api', '--sli', 'availability', '--tier', 'slo', '--target', '99.9', '--window', '30d');
    await box.json('objective', 'set', ...W, '--service', 'api', '--sli', 'availability', '--tier', 'sla', '--target', '99.9', '--window', 'calendar-month');
    const tiers = (await box.json<JsonShow>('show', ...W)).services[0]?.slis[0]?.tiers;
    expect(tiers?.map((t) => [t.tier, t.window, t.timeZone, t.budget])).toEqual([
      ['sla', 'calendar-month', 'UTC', { minutesMin: 40.32, minutesMax: 44.64, ppm: 1000 }],
      ['slo', '30d', null, { minutesMin: 43.2, minutesMax: 43.2, ppm: 1000 }],
    ]);
    const text = await box.run('show', ...W);
    expect(text.stdoutLines).toContain('api / availability  SLA  99.9 %  calendar month (UTC)  occurrences  budget 40.32–44.64 min');
    expect(text.stdoutLines).toContain('api / availability  SLO  99.9 %  rolling 30 days       occurrences  budget 43.2 min');
  });

  it('prints one aligned line per tier, then the buffers, for people', async () => {
    await latencyLadder();
    const r = await box.run('show', ...W);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdoutLines).toEqual([
      'team.slowb: 1 service, 1 SLI, 3 tiers',
      '',
      'checkout / latency  SLA                 90 %    rolling 30 days  occurrences  ≤ 150 ms  budget 4320 min (3 d)',
      'checkout / latency  SLO                 99 %    rolling 30 days  occurrences  ≤ 200 ms  budget 432 min (7.2 h)',
      'checkout / latency  performance target  99.5 %  rolling 30 days  occurrences  ≤ 200 ms  budget 216 min (3.6 h)',
      '  buffer SLA → SLO: 9 pp, 3888 min (2.7 d)',
      '  buffer SLO → performance target: 0.5 pp, 216 min (3.6 h)',
    ]);
  });

  it('shows the ordering warning when an SLO is set below its SLA, in text and in JSON', async () => {
    await box.json('workspace', 'create', 'team.slowb');
    await box.json('service', 'add', ...W, 'checkout');
    await box.json('sli', 'add', ...W, '--service', 'checkout', 'availability');
    const base = [...W, '--service', 'checkout', '--sli', 'availability', '--window', '30d'];
    await box.json('objective', 'set', ...base, '--tier', 'sla', '--target', '99.9');
    const set = await box.json<JsonSliChanged>('objective', 'set', ...base, '--tier', 'slo', '--target', '99.5');
    const message = 'The SLO (99.5 %) is looser than the SLA (99.9 %): rule "SLA ≤ SLO".';
    expect(set.sli.warnings).toEqual([{ rule: 'slo-looser-than-sla', tier: 'slo', against: 'sla', message }]);
    expect(set.sli.buffers).toEqual([{ from: 'sla', to: 'slo', points: '-0.4', ppm: -4000, minutesMin: -172.8, minutesMax: -172.8 }]);
    const show = await box.json<JsonShow>('show', ...W);
    expect(show.services[0]?.slis[0]?.warnings.map((w) => w.message)).toEqual([message]);
    const text = await box.run('show', ...W);
    expect(text.stdoutLines).toContain(`  warning: ${message}`);
    expect(text.stderr).toBe('');
  });

  it('lists, renames and removes services addressed by name whatever the case', async () => {
    const created = await box.json<JsonWorkspaceCreated>('workspace', 'create', 'team.slowb');
    expect(created.workspace).toMatchObject({ name: 'team.slowb', path: box.path('team.slowb'), schemaVersion: LATEST_SCHEMA_VERSION });
    await box.json('service', 'add', ...W, 'Checkout');
    await box.json('service', 'add', ...W, 'search');
    await box.json('sli', 'add', ...W, '--service', 'CHECKOUT', 'availability');
    const list = await box.json<JsonServiceList>('service', 'list', ...W);
    expect(list.services).toEqual([
      { name: 'Checkout', owner: '', description: '', slis: ['availability'] },
      { name: 'search', owner: '', description: '', slis: [] },
    ]);
    expect((await box.run('service', 'list', ...W)).stdoutLines).toEqual(['Checkout  1 SLI   availability', 'search    0 SLIs']);
    const renamed = await box.run('service', 'rename', ...W, 'checkout', 'payments');
    expect(renamed).toMatchObject({ code: 0, stdout: 'Renamed service Checkout to payments' });
    const removed = await box.run('service', 'remove', ...W, 'SEARCH');
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed service search (and 0 SLIs)' });
    expect((await box.json<JsonServiceList>('service', 'list', ...W)).services.map((s) => s.name)).toEqual(['payments']);
  });

  it('lists the SLIs of a service with their tiers', async () => {
    await latencyLadder();
    await box.json('sli', 'add', ...W, '--service', 'checkout', 'availability');
    const list = await box.json<JsonSliList>('sli', 'list', ...W, '--service', 'checkout');
    expect(list.service).toBe('checkout');
    expect(list.slis.map((s) => [s.name, s.kind, s.tiers.length])).toEqual([
      ['latency', 'latency', 3],
      ['availability', 'availability', 0],
    ]);
    expect((await box.run('sli', 'list', ...W, '--service', 'checkout')).stdoutLines).toEqual([
      'latency       latency       ≤ 200 ms  SLA 90 %, SLO 99 %, performance target 99.5 %',
      'availability  availability            no tiers set',
    ]);
  });
});
