import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../core/registry';
import { storeRun } from '../../core/services/scenario-service';
import { runOf } from '../../core/test/scenario-fixtures';
import { makeSliSandbox, runBin, type Sandbox } from '../test/cli-sandbox';
import type { JsonScenarioAdded, JsonScenarioList, JsonScenarioRemoved, JsonShow } from './json-output';

let box: Sandbox;
const TARGET = ['--workspace', 'w.slowb', '--service', 'web', '--sli', 'availability'] as const;

const TEN_DEPLOYS = `name: Ten deploys a week
baseline:
  errorRate: 0.0002
deploys:
  perWeek: 10
  failureProbability: 0.05
  rollbackMinutes: { median: 8, p90: 20 }
incidents:
  perWeek: 2
  durationMinutes: 30
`;

beforeEach(async () => {
  box = await makeSliSandbox();
  writeFileSync(box.path('ten.yaml'), TEN_DEPLOYS);
  writeFileSync(box.path('nightly-batch.json'), JSON.stringify({ deploys: { weekdays: ['mon', 'thu'], hour: 2 }, baseline: { errorRate: 'history' } }));
}, 30_000);
afterEach(() => box.cleanup());

/** Stores a run with a scenario, as `simulate` does, through a core of its own on the sandbox's workspace. */
async function storeRunOf(id: number, seed: number): Promise<void> {
  const core = createCore({ host: 'cli', version: 'test', settingsDir: box.path('home'), resolvePath: (p) => resolve(box.dir, p) });
  await core.call('workspace/open', { path: 'w.slowb' });
  storeRun(core.session, id, runOf('Ten deploys a week', seed));
  core.dispose();
}

describe('slo-workbench scenario add, list and remove', () => {
  it('stores a YAML scenario with an SLI, lists it with its knobs, and removes it by name whatever its case', async () => {
    const added = await box.run('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdoutLines).toEqual([
      'Added scenario "Ten deploys a week" to web / availability:',
      '  Ten deploys a week: 10 deploys/week, 2 incidents/week, baseline 0.02 %; no run stored',
    ]);
    await box.json('scenario', 'add', ...TARGET, '--file', 'nightly-batch.json');
    const listed = await box.run('scenario', 'list', ...TARGET);
    expect(listed.stdoutLines).toEqual([
      'web / availability: 2 scenarios',
      '  Ten deploys a week: 10 deploys/week, 2 incidents/week, baseline 0.02 %; no run stored',
      '  nightly-batch: deploys mon, thu at 02:00 UTC, 0 incidents/week, baseline from history; no run stored',
    ]);

    const removed = await box.json<JsonScenarioRemoved>('scenario', 'remove', ...TARGET, '--name', 'TEN DEPLOYS A WEEK');
    expect(removed).toMatchObject({ command: 'scenario remove', service: 'web', sli: 'availability', removed: { name: 'Ten deploys a week' } });
    expect((await box.json<JsonScenarioList>('scenario', 'list', ...TARGET)).scenarios.map((s) => s.name)).toEqual(['nightly-batch']);
  }, 60_000);

  it('prints the stored scenario as JSON, every field filled in, and names a JSON file without a name after the file or --name', async () => {
    const doc = await box.json<JsonScenarioAdded>('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    expect(doc).toMatchObject({
      format: 'slo-workbench/v1',
      ok: true,
      command: 'scenario add',
      service: 'web',
      sli: 'availability',
      replaced: false,
      scenario: {
        name: 'Ten deploys a week',
        deploysPerWeek: 10,
        deployWeekdays: null,
        incidentsPerWeek: 2,
        baselineErrorRate: 0.0002,
        lastRun: null,
        unreadable: null,
        fields: { deploys: { perWeek: 10, failureProbability: 0.05, errorRate: 1, rollbackMinutes: { median: 8, p90: 20 }, canaryShare: 1 }, events: [] },
      },
    });
    expect((await box.json<JsonScenarioAdded>('scenario', 'add', ...TARGET, '--file', 'nightly-batch.json')).scenario.name).toBe('nightly-batch');
    const renamed = await box.json<JsonScenarioAdded>('scenario', 'add', ...TARGET, '--file', 'nightly-batch.json', '--name', 'Batch on Mondays');
    expect(renamed.scenario).toMatchObject({ name: 'Batch on Mondays', deploysPerWeek: null, deployWeekdays: ['mon', 'thu'], baselineErrorRate: 'history' });
  }, 60_000);

  it('refuses a file with unknown or wrong fields, naming each one and the line of the first, and changes nothing', async () => {
    writeFileSync(box.path('typo.yaml'), 'name: Typo\ndeploys:\n  perDay: 3\nincidents:\n  count: 2\n  errorRate: 1.5\n');
    const before = box.sha256('w.slowb');
    const r = await box.run('scenario', 'add', ...TARGET, '--file', 'typo.yaml');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      'error: typo.yaml:3:11: Unknown field deploys.perDay; incidents.errorRate must be at most 1 (100 %); Unknown field incidents.count [--file]',
    );
    const json = await box.run('scenario', 'add', ...TARGET, '--file', 'typo.yaml', '--json');
    expect(JSON.parse(json.stderr)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: { field: 'scenario.deploys.perDay', option: '--file', path: 'typo.yaml', line: 3, column: 11 } },
    });
    expect(box.sha256('w.slowb')).toBe(before);
  }, 60_000);

  it('refuses a file that is missing, of another kind, not JSON, or a list', async () => {
    writeFileSync(box.path('notes.txt'), 'deploys: 3');
    writeFileSync(box.path('broken.json'), '{"deploys": ');
    writeFileSync(box.path('list.yaml'), '- deploys\n');
    const errors = [];
    for (const file of ['missing.yaml', 'notes.txt', 'broken.json', 'list.yaml'])
      errors.push((await box.run('scenario', 'add', ...TARGET, '--file', file)).stderr);
    expect(errors).toEqual([
      'error: There is no file missing.yaml [--file]',
      'error: notes.txt is neither YAML (.yaml, .yml) nor JSON (.json) [--file]',
      expect.stringMatching(/^error: broken\.json is not valid JSON: .+ \[--file\]$/),
      'error: list.yaml must hold the fields of a scenario (baseline, deploys, incidents, …), not a list or a single value [--file]',
    ]);
  }, 60_000);

  it('refuses a second scenario of the same name without --replace; --replace overwrites it and clears the run stored with it', async () => {
    const first = await box.json<JsonScenarioAdded>('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    await storeRunOf(first.scenario.id, 7);
    expect((await box.json<JsonScenarioList>('scenario', 'list', ...TARGET)).scenarios[0]?.lastRun).toEqual({
      seed: 7,
      trials: 10_000,
      startMs: 1_767_225_600_000,
    });
    expect((await box.run('scenario', 'list', ...TARGET)).stdoutLines[1]).toBe(
      '  Ten deploys a week: 10 deploys/week, 2 incidents/week, baseline 0.02 %; run stored (seed 7, 10000 trials)',
    );

    const again = await box.run('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    expect(again).toMatchObject({
      code: 1,
      stderr: 'error: web / availability already has a scenario named "Ten deploys a week"; add --replace to overwrite it [--file]',
    });
    writeFileSync(box.path('ten.yaml'), TEN_DEPLOYS.replace('perWeek: 10', 'perWeek: 20'));
    const replaced = await box.run('scenario', 'add', ...TARGET, '--file', 'ten.yaml', '--replace');
    expect(replaced.stdoutLines).toEqual([
      'Replaced scenario "Ten deploys a week" of web / availability:',
      '  Ten deploys a week: 20 deploys/week, 2 incidents/week, baseline 0.02 %; no run stored',
    ]);
    const list = await box.json<JsonScenarioList>('scenario', 'list', ...TARGET);
    expect(list.scenarios.map((s) => [s.id, s.deploysPerWeek, s.lastRun])).toEqual([[first.scenario.id, 20, null]]);
  }, 60_000);

  it('refuses to remove a scenario the SLI does not have, naming --name', async () => {
    const r = await box.run('scenario', 'remove', ...TARGET, '--name', 'nope');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'error: web / availability has no scenario named "nope" [--name]' });
  });

  it('lists every SLI’s scenarios in show, in text and JSON', async () => {
    const added = await box.json<JsonScenarioAdded>('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    await storeRunOf(added.scenario.id, 3);
    const shown = await box.run('show', '--workspace', 'w.slowb');
    expect(shown.stdoutLines.slice(-2)).toEqual([
      'Scenarios:',
      '  web / availability / Ten deploys a week: 10 deploys/week, 2 incidents/week, baseline 0.02 %; run stored (seed 3, 10000 trials)',
    ]);
    const doc = await box.json<JsonShow>('show', '--workspace', 'w.slowb');
    expect(doc.scenarios).toMatchObject([{ service: 'web', sli: 'availability', name: 'Ten deploys a week', lastRun: { seed: 3 } }]);
  }, 60_000);

  it('lists a stored scenario this version cannot read with the reason, and removes it', async () => {
    await box.json('scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    const file = new Database(box.path('w.slowb'));
    file.prepare("UPDATE scenarios SET scenario = json_set(scenario, '$.deploys.perDay', 3)").run();
    file.close();
    const listed = await box.run('scenario', 'list', ...TARGET);
    expect(listed.stdoutLines).toEqual([
      'web / availability: 1 scenario',
      '  Ten deploys a week: The stored scenario "Ten deploys a week" cannot be read (Unknown field deploys.perDay); it may have been written by a newer version of SLO Workbench. Save it again or delete it.',
    ]);
    expect((await box.json<JsonScenarioList>('scenario', 'list', ...TARGET)).scenarios[0]?.unreadable).toMatch(/^The stored scenario/);
    expect((await box.run('scenario', 'remove', ...TARGET, '--name', 'ten deploys a week')).code).toBe(0);
  }, 60_000);

  it('adds and lists scenarios from a child process, the way a shell runs it', async () => {
    const added = await runBin(box, 'scenario', 'add', ...TARGET, '--file', 'ten.yaml');
    expect(added).toEqual({
      code: 0,
      stdout:
        'Added scenario "Ten deploys a week" to web / availability:\n  Ten deploys a week: 10 deploys/week, 2 incidents/week, baseline 0.02 %; no run stored\n',
      stderr: '',
    });
    const listed = await runBin(box, 'scenario', 'list', ...TARGET, '--json');
    expect((JSON.parse(listed.stdout) as JsonScenarioList).scenarios.map((s) => s.name)).toEqual(['Ten deploys a week']);
  }, 60_000);
});
