import { create } from 'zustand';
import { createBudgetSlice, type BudgetSlice } from './budget-slice';
import { createCatalogSlice, type CatalogSlice } from './catalog-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createRefreshSlice, type RefreshSlice } from './refresh-slice';
import { createReviewSlice, type ReviewSlice } from './review-slice';
import { createSimulationSlice, type SimulationSlice } from './simulation-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';
import type { Client } from '../ipc/client';

/** The whole renderer state: one store built from slices; SQLite stays the source of truth. */
export type AppState = WorkspaceSlice & CatalogSlice & UiSlice & BudgetSlice & HistorySlice & SimulationSlice & ReviewSlice & RefreshSlice & { client: Client };

/** Builds the store around a client; tests pass a fake client. */
export function createAppStore(client: Client) {
  return create<AppState>()((...a) => ({
    client,
    ...createWorkspaceSlice(...a),
    ...createCatalogSlice(...a),
    ...createUiSlice(...a),
    ...createBudgetSlice(...a),
    ...createHistorySlice(...a),
    ...createSimulationSlice(...a),
    ...createReviewSlice(...a),
    ...createRefreshSlice(...a),
  }));
}

/** The store hook type. */
export type AppStore = ReturnType<typeof createAppStore>;
