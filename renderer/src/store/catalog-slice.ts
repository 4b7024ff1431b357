import type { StateCreator } from 'zustand';
import type { Service } from '#shared/domain/types';
import type { ArgsIn, Channel, ResultOf } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import type { AppState } from './store';

/** The services of the open workspace, the selection, and the one way edits reach the core. */
export type CatalogSlice = {
  services: Service[];
  selectedServiceId: number | null;
  refreshCatalog(): Promise<void>;
  select(serviceId: number | null): void;
  /** Sends an edit; on success refreshes the catalog, the undo state and the history once, on failure returns the error for the form. */
  edit<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
};

/** Creates the catalog slice. */
export const createCatalogSlice: StateCreator<AppState, [], [], CatalogSlice> = (set, get) => ({
  services: [],
  selectedServiceId: null,
  async refreshCatalog() {
    if (!get().workspace.workspace) {
      set({ services: [], selectedServiceId: null, alertSets: null });
      return;
    }
    // Alert sets change through the same edits, undo and events as the catalog, so they refresh with it.
    void get().refreshAlertSets();
    const result = await get().client.invoke('catalog/list', {});
    if (!result.ok) return get().showError(result.error);
    const services = result.value;
    const selected = get().selectedServiceId;
    const stillThere = services.some((s) => s.id === selected);
    set({ services, selectedServiceId: stillThere ? selected : (services[0]?.id ?? null) });
  },
  select: (serviceId) => set({ selectedServiceId: serviceId }),
  edit(channel, args) {
    // Every catalog edit is announced as catalog-changed, which refreshes the catalog, the undo state and the history.
    return get().ownChange('catalog-changed', { reason: 'edit' }, async () => {
      const result = await get().client.invoke(channel, args);
      if (result.ok) set({ banner: null });
      return result;
    });
  },
});
