import type { StateCreator } from 'zustand';
import type { Result } from '#shared/ipc/errors';
import type { EventMap, EventName } from '#shared/ipc/events';
import type { AppState } from './store';

/** The core's announcements of a change (import and simulation progress are not). */
export type ChangeEvent = Exclude<EventName, 'import-progress' | 'simulation-progress'>;

const CHANGE_EVENTS: readonly ChangeEvent[] = [
  'workspace-changed',
  'catalog-changed',
  'history-changed',
  'exclusions-changed',
  'scenarios-changed',
  'review-changed',
];

/**
 * How the window learns of changes. The core announces every change to every window, this one included, and this
 * window also refreshes after the answer to its own command (so awaiting an edit means the screen shows it). A change
 * this window makes must still refetch once, not once per path it is heard on: while its command is on its way, the
 * first announcement that would refresh the same things is taken as the change's own. That announcement was sent no
 * later than the change's own (one event stream keeps its order, and the core announces before it answers), so the
 * refresh after the answer sees what it announced. A refused command whose wait took an announcement refreshes all the same.
 */
export type RefreshSlice = {
  /** Refetches what an announced change can have changed: the one refresh for each kind of change, whoever made it. */
  refreshAfter<E extends ChangeEvent>(event: E, payload: EventMap[E]): Promise<void>;
  /**
   * Sends a command the core announces as `event` when it succeeds (and `announced` says so of its value), then
   * refreshes once; the announcement, when it arrives, adds no second refresh.
   */
  ownChange<E extends ChangeEvent, T>(event: E, payload: EventMap[E], send: () => Promise<Result<T>>, announced?: (value: T) => boolean): Promise<Result<T>>;
  /** Refreshes on every change the core announces that is not the announcement of one of this window's own. */
  listenForChanges(): void;
};

/** Two announcements with the same key refresh the same things. */
function refreshKey<E extends ChangeEvent>(event: E, payload: EventMap[E]): string {
  if (event === 'review-changed') return `${event}:${(payload as EventMap['review-changed']).serviceId}`;
  return event === 'history-changed' || event === 'scenarios-changed' ? `${event}:${(payload as { sliId: number }).sliId}` : event;
}

/** Creates the refresh slice. */
export const createRefreshSlice: StateCreator<AppState, [], [], RefreshSlice> = (_set, get) => {
  // This window's commands on their way, each with whether an announcement has been taken for it.
  const pending: { key: string; heard: boolean }[] = [];
  const hear = (key: string): boolean => {
    const change = pending.find((p) => p.key === key && !p.heard);
    if (change) change.heard = true;
    return change !== undefined;
  };
  return {
    async refreshAfter(event, payload) {
      const s = get();
      if (event === 'workspace-changed') {
        // The catalog is read from the workspace the state names.
        await s.refreshWorkspace();
        await s.refreshCatalog();
        await Promise.all([get().refreshScenarios(), get().reviewShown ? get().refreshReview() : null]);
      } else if (event === 'catalog-changed') {
        // Tiers, traffic and policies feed the history analysis; an undo or redo may put back a scenario or review edit,
        // and any edit can change the draft the Review screen compares (the services list refetches its flags itself).
        await Promise.all([s.refreshCatalog(), s.refreshWorkspace()]);
        await Promise.all([get().refreshHistory(), get().refreshScenarios(), get().reviewShown ? get().refreshReview() : null]);
      } else if (event === 'review-changed') {
        // A proposal, sign-off, comment, review period or the required roles: an edit the toolbar's Undo names.
        await Promise.all([s.refreshReview(), s.refreshWorkspace()]);
      } else if (event === 'scenarios-changed') {
        // Saving or deleting a scenario is an edit: the toolbar's Undo names it.
        const shown = (payload as EventMap['scenarios-changed']).sliId === s.whatifSliId;
        await Promise.all([shown ? s.refreshScenarios() : null, s.refreshWorkspace()]);
      } else if (event === 'history-changed') {
        // Deleting an import is an edit: the toolbar's Undo names it.
        const shown = (payload as EventMap['history-changed']).sliId === s.historySliId;
        await Promise.all([shown ? s.refreshHistory() : null, s.refreshWorkspace()]);
      } else {
        await Promise.all([s.refreshHistory(), s.refreshWorkspace()]);
      }
    },
    async ownChange(event, payload, send, announced = () => true) {
      const change = { key: refreshKey(event, payload), heard: false };
      pending.push(change);
      try {
        const result = await send();
        if ((result.ok && announced(result.value)) || change.heard) await get().refreshAfter(event, payload);
        return result;
      } finally {
        pending.splice(pending.indexOf(change), 1);
      }
    },
    listenForChanges() {
      const { client } = get();
      for (const event of CHANGE_EVENTS) {
        client.on(event, (payload) => {
          if (!hear(refreshKey(event, payload))) void get().refreshAfter(event, payload as never);
        });
      }
    },
  };
};
