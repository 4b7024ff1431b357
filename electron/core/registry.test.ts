import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let dir: string;
let core: Core;

beforeEach(() => {
  ({ dir, core } = tempCore('swb-core-'));
});

afterEach(() => removeTempCore({ dir, core }));

describe('the core registry', () => {
  it('builds a service with an SLI and three tiers and reads it back after reopening', async () => {
    await value(core.call('workspace/create', { path: 'w.slowb' }));
    const svc = await value(core.call('service/create', { name: 'checkout' }));
    const sli = await value(core.call('sli/create', { serviceId: svc.id, name: 'latency', kind: 'latency', latencyThresholdMs: 200 }));
    for (const [tier, ppm, ms] of [
      ['sla', 900_000, 150],
      ['slo', 990_000, 200],
      ['target', 995_000, 200],
    ] as const) {
      await value(
        core.call('objective/set', {
          sliId: sli.id,
          tier,
          targetPpm: ppm,
          window: { kind: 'rolling', days: 30 },
          method: 'occurrences',
          latencyThresholdMs: ms,
        }),
      );
    }
    await value(core.call('workspace/close', {}));
    await value(core.call('workspace/open', { path: 'w.slowb' }));
    const services = await value(core.call('catalog/list', {}));
    expect(services).toHaveLength(1);
    expect(services[0]?.slis[0]?.objectives.sla).toMatchObject({ targetPpm: 900_000, latencyThresholdMs: 150 });
    expect(services[0]?.slis[0]?.objectives.target).toMatchObject({ targetPpm: 995_000, latencyThresholdMs: 200 });
  });

  it('refuses a duplicate service name whatever its case, and stores nothing', async () => {
    await value(core.call('workspace/create', { path: 'w.slowb' }));
    await value(core.call('service/create', { name: 'Checkout' }));
    const r = await core.call('service/create', { name: 'checkout' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A service named "checkout" already exists', details: { field: 'name' } } });
    expect(await value(core.call('catalog/list', {}))).toHaveLength(1);
  });

  it('undoes and redoes every kind of edit exactly', async () => {
    await value(core.call('workspace/create', { path: 'w.slowb' }));
    const svc = await value(core.call('service/create', { name: 'api' }));
    const sli = await value(core.call('sli/create', { serviceId: svc.id, name: 'availability', kind: 'availability' }));
    await value(core.call('objective/set', { sliId: sli.id, tier: 'slo', targetPpm: 999_000, window: { kind: 'rolling', days: 28 }, method: 'occurrences' }));
    const full = await value(core.call('catalog/list', {}));
    await value(core.call('service/delete', { serviceId: svc.id }));
    expect(await value(core.call('catalog/list', {}))).toEqual([]);
    const state = await value(core.call('edit/undo', {}));
    expect(state.redoLabel).toBe('Delete service "api"');
    expect(await value(core.call('catalog/list', {}))).toEqual(full);
    await value(core.call('edit/undo', {}));
    expect((await value(core.call('catalog/list', {})))[0]?.slis[0]?.objectives).toEqual({});
    await value(core.call('edit/redo', {}));
    expect(await value(core.call('catalog/list', {}))).toEqual(full);
  });

  it('answers an unknown channel and malformed arguments with errors, never exceptions', async () => {
    expect(await core.invoke('nope/nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await core.invoke('service/create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await core.invoke('service/create', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
  });
});
