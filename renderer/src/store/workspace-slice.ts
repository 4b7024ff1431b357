import type { StateCreator } from 'zustand';
import type { HostInfo, RecentEntry, WorkspaceState } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import type { AppState } from './store';

/** The open workspace, the host and the recent list, with the actions that change them. */
export type WorkspaceSlice = {
  host: HostInfo | null;
  workspace: WorkspaceState;
  recent: RecentEntry[];
  ready: boolean;
  boot(): Promise<void>;
  refreshWorkspace(): Promise<void>;
  /** Applies a workspace-changing result: new state, fresh catalog and recent list, or the error banner. */
  applyWorkspaceResult(result: Result<WorkspaceState>): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
};

const EMPTY: WorkspaceState = { workspace: null, undoLabel: null, redoLabel: null };

/** Creates the workspace slice. */
export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  host: null,
  workspace: EMPTY,
  recent: [],
  ready: false,
  async boot() {
    const { client } = get();
    const info = await client.invoke('app/info', {});
    if (info.ok) set({ host: info.value });
    else get().showError(info.error);
    client.on(
      'workspace-changed',
      () =>
        void get()
          .refreshWorkspace()
          .then(() => get().refreshCatalog()),
    );
    client.on('catalog-changed', () => void Promise.all([get().refreshCatalog(), get().refreshWorkspace()]).then(() => get().refreshHistory()));
    // The History screen follows imports and exclusions made anywhere (another window, the CLI).
    client.on('history-changed', (p) => {
      if ((p as { sliId: number }).sliId === get().historySliId) void get().refreshHistory();
    });
    client.on('exclusions-changed', () => void get().refreshHistory());
    await get().refreshWorkspace();
    await get().refreshCatalog();
    set({ ready: true });
  },
  async refreshWorkspace() {
    const { client } = get();
    const [state, recent] = await Promise.all([client.invoke('workspace/state', {}), client.invoke('workspace/recent', {})]);
    if (state.ok) set({ workspace: state.value });
    if (recent.ok) set({ recent: recent.value });
  },
  async applyWorkspaceResult(result) {
    if (!result.ok) {
      if (result.error.code !== 'CANCELLED') get().showError(result.error);
      return false;
    }
    set({ workspace: result.value, selectedServiceId: null, banner: null });
    await Promise.all([get().refreshCatalog(), get().refreshWorkspace()]);
    return true;
  },
  async undo() {
    const result = await get().client.invoke('edit/undo', {});
    if (!result.ok) return get().showError(result.error);
    set({ workspace: result.value });
    await get().refreshCatalog();
  },
  async redo() {
    const result = await get().client.invoke('edit/redo', {});
    if (!result.ok) return get().showError(result.error);
    set({ workspace: result.value });
    await get().refreshCatalog();
  },
});
