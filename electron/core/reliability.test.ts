import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { SLOTH_30D } from '#shared/budget/alerts';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;

beforeEach(async () => {
  ({ dir, core } = tempCore('swb-rel-'));
  await core.call('workspace/create', { path: 'w.slowb' });
});

afterEach(() => removeTempCore({ dir, core }));

const create = (name: string) => value(core.call('service/create', { name }));
const list = () => value(core.call('catalog/list', {}));

describe('dependencies', () => {
  it('refuses an edge that closes a cycle, naming it, and changes nothing', async () => {
    const [a, b, c] = [await create('a'), await create('b'), await create('c')];
    await value(core.call('dependency/add', { serviceId: a.id, dependsOnId: b.id }));
    await value(core.call('dependency/add', { serviceId: b.id, dependsOnId: c.id }));
    const before = await list();
    const r = await core.call('dependency/add', { serviceId: c.id, dependsOnId: a.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '"c" cannot depend on "a": that would close the cycle c → a → b → c', details: { cycle: ['c', 'a', 'b', 'c'] } },
    });
    expect(await list()).toEqual(before);
  });

  it('stores redundancy groups, and a second add moves an edge to another group', async () => {
    const [app, db1] = [await create('app'), await create('db1')];
    await value(core.call('dependency/add', { serviceId: app.id, dependsOnId: db1.id, redundancyGroup: 'primary' }));
    const moved = await value(core.call('dependency/add', { serviceId: app.id, dependsOnId: db1.id, redundancyGroup: 'replicas' }));
    expect(moved.dependencies).toEqual([{ dependsOnId: db1.id, redundancyGroup: 'replicas' }]);
  });

  it('brings back the edges pointing at a deleted service when the delete is undone', async () => {
    const [api, db] = [await create('api'), await create('db')];
    await value(core.call('dependency/add', { serviceId: api.id, dependsOnId: db.id }));
    const before = await list();
    await value(core.call('service/delete', { serviceId: db.id }));
    expect((await list()).find((s) => s.name === 'api')!.dependencies).toEqual([]);
    await value(core.call('edit/undo', {}));
    expect(await list()).toEqual(before);
  });

  it('refuses a self-dependency', async () => {
    const a = await create('a');
    expect(await core.call('dependency/add', { serviceId: a.id, dependsOnId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('traffic and policy', () => {
  it('stores traffic and refuses negative traffic', async () => {
    const s = await create('api');
    expect((await value(core.call('service/set-traffic', { serviceId: s.id, requestsPerDay: 1_000_000 }))).requestsPerDay).toBe(1_000_000);
    expect(await core.call('service/set-traffic', { serviceId: s.id, requestsPerDay: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'Traffic must not be negative', details: { field: 'requestsPerDay' } },
    });
  });

  it('stores a valid policy, refuses an inverted one, and resets to the default', async () => {
    const s = await create('api');
    const custom = { ...DEFAULT_POLICY, warningBelowPercent: 60 };
    expect((await value(core.call('service/set-policy', { serviceId: s.id, policy: custom }))).policy).toEqual(custom);
    const bad = await core.call('service/set-policy', { serviceId: s.id, policy: { ...DEFAULT_POLICY, criticalBelowPercent: 70 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'policy.criticalBelowPercent' } } });
    expect((await list())[0]!.policy).toEqual(custom);
    expect((await value(core.call('service/set-policy', { serviceId: s.id, policy: null }))).policy).toBeNull();
    await value(core.call('edit/undo', {}));
    expect((await list())[0]!.policy).toEqual(custom);
  });
});

describe('alert window sets', () => {
  const week = { ...SLOTH_30D, name: 'team week', periodMinutes: 7 * 1440 };

  it('saves a set, refuses a bad one or a clashing name, and undoes the save', async () => {
    const saved = await value(core.call('alerts/save-set', { set: week }));
    expect(saved.custom).toEqual([{ ...week, id: expect.any(Number) }]);
    expect(saved.builtIn.map((s) => s.name)).toEqual(['SRE workbook, 30 days', 'SRE workbook, 28 days']);
    const broken = { ...week, name: 'broken', page: { ...week.page, quick: { budgetPercent: 2, shortMinutes: 90, longMinutes: 60 } } };
    expect(await core.call('alerts/save-set', { set: broken })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await core.call('alerts/save-set', { set: { ...week, name: 'TEAM WEEK' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await value(core.call('edit/undo', {}));
    expect((await value(core.call('alerts/list-sets', {}))).custom).toEqual([]);
    await value(core.call('edit/redo', {}));
    expect((await value(core.call('alerts/list-sets', {}))).custom.map((s) => s.name)).toEqual(['team week']);
  });
});
