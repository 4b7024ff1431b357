// Renders a screen the way the app does (one store around a client, given to components through StoreContext),
// with a FakeCore behind it, and unmounts it after each test.
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { StoreContext } from '../store/context';
import { createAppStore, type AppStore } from '../store/store';
import { FakeCore } from './fake-core';
import { FakeWorkspace, type WorkspaceSeed } from './fake-workspace';

afterEach(cleanup);

/** What a rendered screen gives its test: the fake core and workspace, the store, a user and Testing Library's queries. */
export type Rendered = ReturnType<typeof render> & { core: FakeCore; workspace: FakeWorkspace; store: AppStore; user: ReturnType<typeof userEvent.setup> };

/**
 * Boots a store against a fake workspace (app/info, workspace state, catalog and alert sets, as the app does at start)
 * and renders `ui` inside it. `setup` registers more answers (history, imports) before the store boots.
 */
export async function renderScreen(ui: ReactElement, seed: WorkspaceSeed, setup?: (core: FakeCore, workspace: FakeWorkspace) => void): Promise<Rendered> {
  const core = new FakeCore();
  const workspace = new FakeWorkspace(core, seed);
  setup?.(core, workspace);
  const store = createAppStore(core.client);
  await store.getState().boot();
  const user = userEvent.setup();
  const view = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { ...view, core, workspace, store, user };
}
