import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '#shared/simulation/scenario';
import type { Core } from './registry';
import { getScenario, storeRun } from './services/scenario-service';
import { runOf, tenDeploys } from './test/scenario-fixtures';
import { coreWithSli, removeTempCore, value } from './test/temp-core';

let made: { dir: string; core: Core; sliId: number };
let core: Core;
let sliId: number;

beforeEach(async () => {
  made = await coreWithSli('swb-scn-');
  ({ core, sliId } = made);
});
afterEach(() => removeTempCore(made));

const add = (scenario: Scenario, onSli = sliId) => value(core.call('scenario/save', { sliId: onSli, scenario }));
const list = (onSli = sliId) => value(core.call('scenario/list', { sliId: onSli }));
const names = async (onSli = sliId) => (await list(onSli)).map((s) => s.scenario.name);
const undo = () => value(core.call('edit/undo', {}));
const redo = () => value(core.call('edit/redo', {}));
const faster = (s: Scenario): Scenario => ({ ...s, deploys: { ...s.deploys, rollbackMinutes: 2 } });
const serviceOf = () => core.session.reader().getSli(sliId)!.serviceId;
const addLatencySli = () => value(core.call('sli/create', { serviceId: serviceOf(), name: 'latency', kind: 'latency', latencyThresholdMs: 300 }));

describe('what-if scenarios stored in the workspace', () => {
  it('adds a scenario as one undoable edit named after it and its service; undo removes it, redo brings it back with its id', async () => {
    const changes: number[] = [];
    core.on('scenarios-changed', (p) => changes.push(p.sliId));
    const added = await add(tenDeploys());
    expect(added).toMatchObject({ sliId, scenario: tenDeploys(), lastRun: null });
    expect(changes).toEqual([sliId]);
    expect(await list()).toEqual([added]);
    expect(core.session.state().undoLabel).toBe('Add scenario Ten deploys a week to site');

    expect((await undo()).redoLabel).toBe('Add scenario Ten deploys a week to site');
    expect(await list()).toEqual([]);
    await redo();
    expect(await list()).toEqual([added]);
  });

  it('keeps scenarios in the order they were added, each SLI its own', async () => {
    const other = await addLatencySli();
    await add(tenDeploys('b'));
    await add(tenDeploys('a'));
    await add(tenDeploys('b'), other.id);
    expect([await names(), await names(other.id)]).toEqual([['b', 'a'], ['b']]);
  });

  it('replaces a scenario by id, clearing its last run when a field changes; undo brings the old fields and their run back', async () => {
    const added = await add(tenDeploys());
    storeRun(core.session, added.id, runOf('Ten deploys a week'));
    const same = await value(core.call('scenario/save', { sliId, id: added.id, scenario: tenDeploys() }));
    expect(same.lastRun).toEqual(runOf('Ten deploys a week'));

    const replaced = await value(core.call('scenario/save', { sliId, id: added.id, scenario: faster(tenDeploys()) }));
    expect(replaced).toMatchObject({ id: added.id, lastRun: null, scenario: { deploys: { rollbackMinutes: 2 } } });
    expect(core.session.state().undoLabel).toBe('Replace scenario Ten deploys a week of site');
    await undo();
    expect(await list()).toMatchObject([{ id: added.id, scenario: tenDeploys(), lastRun: runOf('Ten deploys a week') }]);
  });

  it('names a renamed scenario in the label of its replacement', async () => {
    const added = await add(tenDeploys());
    await value(core.call('scenario/save', { sliId, id: added.id, scenario: tenDeploys('Two deploys a day') }));
    expect(core.session.state().undoLabel).toBe('Replace scenario Ten deploys a week of site (now Two deploys a day)');
    expect(await names()).toEqual(['Two deploys a day']);
  });

  it('stores a run without an undo step: undo after it still undoes the add, and the run is not taken back by an unrelated undo', async () => {
    const added = await add(tenDeploys());
    await add(tenDeploys('Other'));
    const before = core.session.state();
    expect(storeRun(core.session, added.id, runOf('Ten deploys a week', 42))).toBe(true);
    expect(core.session.state()).toEqual(before);
    expect(before.undoLabel).toBe('Add scenario Other to site');
    await undo();
    expect(await list()).toMatchObject([{ id: added.id, lastRun: { seed: 42 } }]);
  });

  it('does not store the run of a scenario that was changed while it ran', async () => {
    const added = await add(tenDeploys());
    await value(core.call('scenario/save', { sliId, id: added.id, scenario: faster(tenDeploys()) }));
    expect(storeRun(core.session, added.id, runOf('Ten deploys a week'), tenDeploys())).toBe(false);
    expect(storeRun(core.session, added.id, runOf('Ten deploys a week'), faster(tenDeploys()))).toBe(true);
    expect((await list())[0]?.lastRun?.seed).toBe(7);
  });

  it('deletes a scenario as an undoable edit, its run coming back with the undo', async () => {
    const added = await add(tenDeploys());
    storeRun(core.session, added.id, runOf('Ten deploys a week'));
    expect(await value(core.call('scenario/delete', { id: added.id }))).toEqual({ id: added.id, sliId });
    expect(core.session.state().undoLabel).toBe('Delete scenario Ten deploys a week from site');
    expect(await list()).toEqual([]);
    await undo();
    expect(await list()).toMatchObject([{ id: added.id, lastRun: runOf('Ten deploys a week') }]);
  });

  it('brings an SLI’s scenarios and their runs back when the deletion of the SLI, or of its service, is undone', async () => {
    const a = await add(tenDeploys('a'));
    await add(tenDeploys('b'));
    storeRun(core.session, a.id, runOf('a'));
    const before = await list();
    const serviceId = serviceOf();

    await value(core.call('sli/delete', { sliId }));
    expect(core.session.scenarios().listForSli(sliId)).toEqual([]);
    await undo();
    expect(await list()).toEqual(before);

    await value(core.call('service/delete', { serviceId }));
    expect(core.session.scenarios().listForSli(sliId)).toEqual([]);
    await undo();
    expect(await list()).toEqual(before);
    await redo();
    expect(core.session.scenarios().listForSli(sliId)).toEqual([]);
  });

  it('refuses a second scenario of the same name on the SLI, whatever its case, naming scenario.name, and changes nothing', async () => {
    await add(tenDeploys());
    const state = core.session.state();
    expect(await core.call('scenario/save', { sliId, scenario: tenDeploys('TEN DEPLOYS A WEEK') })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'site / availability already has a scenario named "Ten deploys a week"; choose another name',
        details: { field: 'scenario.name' },
      },
    });
    const other = await add(tenDeploys('Other'));
    expect(await core.call('scenario/save', { sliId, id: other.id, scenario: tenDeploys() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { field: 'scenario.name' } },
    });
    expect(await names()).toEqual(['Ten deploys a week', 'Other']);
    expect(core.session.state().undoLabel).toBe('Add scenario Other to site');
    expect(state.undoLabel).toBe('Add scenario Ten deploys a week to site');
  });

  it('refuses an unknown SLI or scenario as NOT_FOUND naming the field, and a scenario id of another SLI', async () => {
    const refusal = (p: Promise<unknown>) => p.then((r) => (r as { error: unknown }).error);
    expect(await refusal(core.call('scenario/list', { sliId: 404 }))).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no SLI with id 404',
      details: { field: 'sliId' },
    });
    expect(await refusal(core.call('scenario/save', { sliId: 404, scenario: tenDeploys() }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'sliId' } });
    expect(await refusal(core.call('scenario/save', { sliId, id: 404, scenario: tenDeploys() }))).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no scenario with id 404',
      details: { field: 'id' },
    });
    expect(await refusal(core.call('scenario/delete', { id: 404 }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'id' } });
    const other = await addLatencySli();
    const added = await add(tenDeploys());
    expect(await refusal(core.call('scenario/save', { sliId: other.id, id: added.id, scenario: tenDeploys() }))).toEqual({
      code: 'NOT_FOUND',
      message: `site / latency has no scenario with id ${added.id}`,
      details: { field: 'id' },
    });
    expect(() => storeRun(core.session, 404, runOf('x'))).toThrow('There is no scenario with id 404');
  });

  it('refuses a scenario field out of range at the boundary, naming it', async () => {
    const bad = { ...tenDeploys(), deploys: { ...tenDeploys().deploys, failureProbability: 1.5 } };
    expect(await core.call('scenario/save', { sliId, scenario: bad })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'deploys.failureProbability must be at most 1 (100 %)',
        details: { field: 'scenario.deploys.failureProbability' },
      },
    });
    expect(await list()).toEqual([]);
  });

  it('lists a stored scenario it cannot read, saying why, refuses to run it, and lets it be replaced or deleted', async () => {
    await value(core.call('workspace/close', {}));
    const file = new Database(join(made.dir, 'w.slowb'));
    const fields = { ...tenDeploys('From 2027'), deploys: { ...tenDeploys().deploys, perDay: 3 } };
    const id = Number(
      file
        .prepare('INSERT INTO scenarios (sli_id, name, scenario, last_run, position, updated_ms) VALUES (?, ?, ?, NULL, 1, 0)')
        .run(sliId, 'From 2027', JSON.stringify(fields)).lastInsertRowid,
    );
    file.close();
    await value(core.call('workspace/open', { path: 'w.slowb' }));
    const why =
      'The stored scenario "From 2027" cannot be read (Unknown field deploys.perDay); it may have been written by a newer version of SLO Workbench. Save it again or delete it.';
    expect(await list()).toMatchObject([{ id, unreadable: why, lastRun: null, scenario: { name: 'From 2027', deploys: { failureProbability: 0 } } }]);
    expect(() => getScenario(core.session, id)).toThrow(why);
    const saved = await value(core.call('scenario/save', { sliId, id, scenario: tenDeploys('From 2027') }));
    expect(saved.unreadable).toBeUndefined();
    expect(getScenario(core.session, id).scenario).toEqual(tenDeploys('From 2027'));
    await undo();
    expect((await list())[0]?.unreadable).toBe(why);
    await value(core.call('scenario/delete', { id }));
    expect(await list()).toEqual([]);
  });

  it('lists the scenarios of a read-only workspace and refuses to change them or store a run', async () => {
    const added = await add(tenDeploys());
    await value(core.call('workspace/close', {}));
    chmodSync(join(made.dir, 'w.slowb'), 0o444);
    await value(core.call('workspace/open', { path: 'w.slowb' }));
    expect(await names()).toEqual(['Ten deploys a week']);
    for (const refused of [await core.call('scenario/save', { sliId, scenario: tenDeploys('new') }), await core.call('scenario/delete', { id: added.id })]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    }
    expect(() => storeRun(core.session, added.id, runOf('Ten deploys a week'))).toThrow(/read-only/);
    expect(await names()).toEqual(['Ten deploys a week']);
  });
});
