import type { StateCreator } from 'zustand';
import type { AlertSetList } from '#shared/ipc/contract';
import type { AppState } from './store';

/** The workspace's alert window sets (built-in and the team's own), refreshed with the catalog. */
export type BudgetSlice = {
  alertSets: AlertSetList | null;
  refreshAlertSets(): Promise<void>;
};

/** Creates the budget slice. */
export const createBudgetSlice: StateCreator<AppState, [], [], BudgetSlice> = (set, get) => ({
  alertSets: null,
  async refreshAlertSets() {
    if (!get().workspace.workspace) return set({ alertSets: null });
    const result = await get().client.invoke('alerts/list-sets', {});
    if (result.ok) set({ alertSets: result.value });
    else get().showError(result.error);
  },
});
