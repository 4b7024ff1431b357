import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonScenarioList, JsonSimulateReport } from './json-output';

let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;
const START = ['--start', '2027-03-01'] as const;

beforeEach(async () => {
  box = await makeSliSandbox();
  for (const [tier, target] of [
    ['sla', '99.5'],
    ['slo', '99.9'],
    ['target', '99.95'],
  ]) {
    await box.json('objective', 'set', ...TARGET, '--tier', tier!, '--target', target!, '--window', '30d');
  }
  writeFileSync(box.path('one-outage.yaml'), 'name: One outage\nevents:\n  - name: migration\n    day: 12.5\n    durationMinutes: 60\n    errorRate: 0.5\n');
  writeFileSync(
    box.path('ten.yaml'),
    'deploys:\n  perWeek: 10\n  failureProbability: 0.1\n  errorRate: 0.4\n  rollbackMinutes: { median: 8, p90: 20 }\nincidents:\n  perWeek: 1\n',
  );
}, 30_000);
afterEach(() => box.cleanup());

describe('slo-workbench simulate', () => {
  it('prints each tier’s breach probability and budget spent as fractions, and the summary', async () => {
    // 60 minutes at 50 % is 30 bad minutes: 0.1389 of the SLA's 216, 0.6944 of the SLO's 43.2, 1.3889 of the target's 21.6.
    const out = await box.run('simulate', ...TARGET, '--scenario', 'one-outage.yaml', '--trials', '200', ...START);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdoutLines[1]).toBe('Scenario "One outage": 200 trials, seed 1, windows from 2027-03-01');
    expect(out.stdoutLines[2]).toMatch(
      /^SLA 99\.5 % over 30 days: breach probability 0 \(95 % interval 0–0\.0188\); budget spent P10 0\.1389, P50 0\.1389, P90 0\.1389;/,
    );
    expect(out.stdoutLines[3]).toMatch(/^SLO 99\.9 % over 30 days: breach probability 0 .*budget spent P10 0\.6944,/);
    expect(out.stdoutLines[4]).toMatch(
      /^performance target 99\.95 % over 30 days: breach probability 1 .*P50 1\.3889.*most spent by scheduled events \(1\.3889\)$/,
    );
    expect(out.stdout).toContain('the performance target of 99.95 % over 30 days in every simulated window');
  });

  it('gives the same JSON for the same seed and stores the run with a stored scenario', async () => {
    await box.json('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    const first = await box.json<JsonSimulateReport>('simulate', ...TARGET, '--name', 'TEN', '--trials', '1000', '--seed', '42', ...START);
    const again = await box.json<JsonSimulateReport>('simulate', ...TARGET, '--name', 'ten', '--trials', '1000', '--seed', '42', ...START, '--no-store');
    expect(first).toMatchObject({ ok: true, command: 'simulate', stored: true, result: { seed: 42, trials: 1000 } });
    expect(again.stored).toBe(false);
    expect(again.result).toEqual(first.result);
    const listed = await box.json<JsonScenarioList>('scenario', 'list', ...TARGET);
    expect(listed.scenarios[0]).toMatchObject({ name: 'ten' });
    expect(listed.scenarios[0]!.lastRun).toEqual({ seed: 42, trials: 1000, startMs: Date.UTC(2027, 2, 1) });
  });

  it('refuses what it cannot run, naming the option', async () => {
    expect(await box.run('simulate', ...TARGET)).toMatchObject({ code: 1, stderr: expect.stringContaining('Give either --scenario FILE or --name SCENARIO') });
    expect((await box.run('simulate', ...TARGET, '--scenario', 'ten.yaml', '--trials', '1000000000')).stderr).toContain(
      'trials must be at most 1,000,000, not 1000000000 [--trials]',
    );
    expect((await box.run('simulate', ...TARGET, '--scenario', 'ten.yaml', '--seed', '-3')).stderr).toContain('--seed must be a whole number, not "-3"');
    expect((await box.run('simulate', ...TARGET, '--name', 'nightly')).stderr).toContain('web / availability has no scenario named "nightly"');
    writeFileSync(box.path('bad.yaml'), 'deploys:\n  perDay: 3\n  failureProbability: 2\n');
    const bad = await box.run('simulate', ...TARGET, '--scenario', 'bad.yaml');
    expect(bad.stderr).toContain('Unknown field deploys.perDay');
    expect(bad.stderr).toContain('deploys.failureProbability must be at most 1');
    writeFileSync(box.path('history.yaml'), 'baseline:\n  errorRate: history\n');
    expect((await box.run('simulate', ...TARGET, '--scenario', 'history.yaml')).stderr).toContain(
      'which has none imported: import its history, or type a value instead',
    );
    expect((await box.run('simulate', ...TARGET, '--scenario', 'ten.yaml', '--start', '2027-02-30')).stderr).toContain('--start is a day written YYYY-MM-DD');
  });
});
