// The same scenario with the same seed gives the same result whichever host runs it: the browser page through the
// server, and the command line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonSimulateReport } from './cli/json-output';
import { makeSandbox, type Sandbox } from './test/cli-sandbox';
import { invokeHttp, startHarness, type Harness } from './test/server-harness';

let h: Harness;
let box: Sandbox;

const SCENARIO = {
  name: 'Ten deploys a week',
  traffic: { shape: 'web' },
  deploys: { perWeek: 10, failureProbability: 0.1, errorRate: 0.4, rollbackMinutes: { median: 8, p90: 20 } },
  incidents: { perWeek: 1, durationMinutes: { median: 20, p90: 90 }, errorRate: 0.5 },
};

beforeAll(async () => {
  h = await startHarness();
  box = makeSandbox();
  const ok = async (channel: string, args: unknown) => {
    const r = await invokeHttp(h.server, channel, args);
    expect(r.json).toMatchObject({ ok: true });
    return (r.json as { value: { id: number } }).value;
  };
  await ok('workspace/create', { path: 'team' });
  const service = await ok('service/create', { name: 'checkout' });
  const sli = await ok('sli/create', { serviceId: service.id, name: 'availability', kind: 'availability' });
  for (const [tier, targetPpm] of [
    ['sla', 995_000],
    ['slo', 999_000],
  ] as const) {
    await ok('objective/set', { sliId: sli.id, tier, targetPpm, window: { kind: 'rolling', days: 30 }, method: 'occurrences' });
  }
  writeFileSync(box.path('ten.json'), JSON.stringify(SCENARIO));
}, 30_000);

afterAll(async () => {
  await h.dispose();
  box.cleanup();
});

describe('a what-if run on different hosts', () => {
  it('is the same through browser mode and the command line for the same seed and start', async () => {
    const viaBrowser = await invokeHttp(h.server, 'simulation/run', { sliId: 1, scenario: SCENARIO, trials: 2000, seed: 77, startMs: Date.UTC(2027, 2, 1) });
    expect(viaBrowser.json).toMatchObject({ ok: true });
    const cli = await box.json<JsonSimulateReport>(
      'simulate',
      ...['--workspace', join(h.folder, 'team.slowb'), '--service', 'checkout', '--sli', 'availability', '--scenario', 'ten.json'],
      ...['--trials', '2000', '--seed', '77', '--start', '2027-03-01'],
    );
    expect(cli.result).toEqual((viaBrowser.json as { value: unknown }).value);
  });
});
