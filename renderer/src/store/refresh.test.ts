// One change, one refresh: the core announces every change to every window, the window that made it included, and
// that window also refreshes after its own command's answer. These tests count the fetches one change causes.
import { describe, expect, it } from 'vitest';
import type { Exclusion } from '#shared/analysis/exclusions';
import type { Channel } from '#shared/ipc/contract';
import { AppFailure, type Result } from '#shared/ipc/errors';
import type { EventMap, EventName } from '#shared/ipc/events';
import type { Client } from '../ipc/client';
import { FakeCore } from '../test/fake-core';
import { FakeWorkspace } from '../test/fake-workspace';
import { checkout } from '../test/fixtures';
import { createAppStore } from './store';

type Announcement = { [E in EventName]: [E, EventMap[E]] }[EventName];

/** What the real core announces after each command that changes something (and only when it succeeds). */
const ANNOUNCED: Partial<Record<Channel, (value: unknown) => Announcement>> = {
  'service/rename': () => ['catalog-changed', { reason: 'edit' }],
  'objective/set': () => ['catalog-changed', { reason: 'edit' }],
  'edit/undo': () => ['catalog-changed', { reason: 'undo' }],
  'exclusion/add': (value) => ['exclusions-changed', { serviceId: (value as Exclusion).serviceId }],
  'import/delete': () => ['history-changed', { sliId: 11 }],
  'workspace/open': () => ['workspace-changed', { reason: 'opened' }],
};

/**
 * When a window hears of its own change: 'before the answer' as in the desktop app (events and answers share one IPC
 * pipe and the core announces before it answers); 'during the refresh' as in browser mode, where events come over their
 * own connection and may arrive after the answer, while the refresh it started is still on its way.
 */
type Arrival = 'before the answer' | 'during the refresh';

const FETCH_DELAY_MS = 5;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store over a fake workspace whose changes are announced the way the real core announces them. */
async function bootedStore(arrival: Arrival) {
  const core = new FakeCore();
  const workspace = new FakeWorkspace(core, { services: [checkout()] });
  const exclusion: Exclusion = {
    id: 7,
    serviceId: 1,
    sliId: null,
    category: 'maintenance',
    reason: 'Database upgrade',
    startMs: 1_700_000_000_000,
    durationMinutes: 60,
    rrule: null,
    timeZone: 'UTC',
  };
  core
    .answer('workspace/open', () => workspace.state())
    .answer('exclusion/add', () => exclusion)
    .answer('exclusion/list', () => [exclusion])
    .answer('import/list', () => [])
    .answer('import/delete', (a) => ({ importId: a.importId }))
    .refuse('analysis/sli', 'NOT_FOUND', 'availability has no history yet')
    .refuse('analysis/backtest', 'NOT_FOUND', 'availability has no history yet');
  const client: Client = {
    on: core.client.on,
    async invoke(channel, args) {
      const announce = ANNOUNCED[channel];
      if (!announce) {
        await wait(FETCH_DELAY_MS);
        return core.client.invoke(channel, args);
      }
      const result = (await core.client.invoke(channel, args)) as Result<unknown>;
      if (result.ok) {
        const [event, payload] = announce(result.value);
        if (arrival === 'before the answer') core.emit(event, payload as never);
        else setTimeout(() => core.emit(event, payload as never), 1);
      }
      return result as never;
    },
  };
  const store = createAppStore(client);
  await store.getState().boot();
  core.calls.length = 0;
  return { core, store };
}

/** Lets every refresh the change started finish, then counts the fetches of one channel. */
async function fetchesOf(core: FakeCore, channel: Channel): Promise<number> {
  await wait(20 * FETCH_DELAY_MS);
  return core.callsTo(channel).length;
}

describe('one change in the renderer causes one refresh, not one per path it is heard on', () => {
  it.each<Arrival>(['before the answer', 'during the refresh'])(
    'an edit fetches the catalog and the workspace once when its announcement arrives %s',
    async (arrival) => {
      const { core, store } = await bootedStore(arrival);
      const result = await store.getState().edit('service/rename', { serviceId: 1, name: 'checkout-api' });
      expect(result.ok).toBe(true);
      expect(store.getState().services[0]?.name).toBe('checkout-api');
      expect(await fetchesOf(core, 'catalog/list')).toBe(1);
      expect(core.callsTo('workspace/state')).toHaveLength(1);
      expect(store.getState().workspace.undoLabel).toBe('Rename service "checkout" to "checkout-api"');
    },
  );

  it('a change announced by another window (or the menu) fetches the catalog once', async () => {
    const { core, store } = await bootedStore('before the answer');
    core.emit('catalog-changed', { reason: 'edit' });
    expect(await fetchesOf(core, 'catalog/list')).toBe(1);
    expect(core.callsTo('workspace/state')).toHaveLength(1);
    expect(store.getState().services).toHaveLength(1);
  });

  it('an undo fetches the catalog once', async () => {
    const { core, store } = await bootedStore('before the answer');
    await store.getState().edit('service/rename', { serviceId: 1, name: 'checkout-api' });
    await fetchesOf(core, 'catalog/list');
    core.calls.length = 0;
    await store.getState().undo();
    expect(await fetchesOf(core, 'catalog/list')).toBe(1);
    expect(store.getState().services[0]?.name).toBe('checkout');
  });

  it('adding an exclusion fetches the history and the workspace once', async () => {
    const { core, store } = await bootedStore('during the refresh');
    store.getState().selectHistorySli(11);
    await fetchesOf(core, 'analysis/sli');
    core.calls.length = 0;
    const spec = {
      category: 'maintenance' as const,
      reason: 'Database upgrade',
      startMs: 1_700_000_000_000,
      durationMinutes: 60,
      rrule: null,
      timeZone: 'UTC',
    };
    expect(await store.getState().addExclusion(1, null, spec)).toBeNull();
    expect(await fetchesOf(core, 'analysis/sli')).toBe(1);
    expect(core.callsTo('exclusion/list')).toHaveLength(1);
    expect(core.callsTo('workspace/state')).toHaveLength(1);
    expect(store.getState().exclusions.map((e) => e.id)).toEqual([7]);
  });

  it('deleting an import fetches the history of its SLI once', async () => {
    const { core, store } = await bootedStore('before the answer');
    store.getState().selectHistorySli(11);
    await fetchesOf(core, 'analysis/sli');
    core.calls.length = 0;
    await store.getState().deleteImport(3);
    expect(await fetchesOf(core, 'analysis/sli')).toBe(1);
    expect(core.callsTo('import/list')).toHaveLength(1);
  });

  it('opening a workspace fetches its catalog once', async () => {
    const { core, store } = await bootedStore('before the answer');
    const opened = await store.getState().changeWorkspace('opened', () => store.getState().client.invoke('workspace/open', { path: 'payments.slowb' }));
    expect(opened).toBe(true);
    expect(await fetchesOf(core, 'catalog/list')).toBe(1);
    expect(core.callsTo('workspace/state')).toHaveLength(1);
  });

  it('a refused edit fetches nothing, but a change another window announced while it was on its way is still fetched', async () => {
    const { core, store } = await bootedStore('before the answer');
    const refused = await store.getState().edit('service/rename', { serviceId: 99, name: 'x' });
    expect(refused.ok).toBe(false);
    expect(await fetchesOf(core, 'catalog/list')).toBe(0);

    core.answer('service/create', () => {
      // Another window's edit lands while this window's command is still on its way; this one is then refused.
      core.emit('catalog-changed', { reason: 'edit' });
      throw new AppFailure('BUSY', 'The workspace is locked by another program; try again');
    });
    expect((await store.getState().edit('service/create', { name: 'search' })).ok).toBe(false);
    expect(await fetchesOf(core, 'catalog/list')).toBe(1);
  });
});
