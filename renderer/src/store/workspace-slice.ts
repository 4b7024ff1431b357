import type { StateCreator } from 'zustand';
import type { HostInfo, RecentEntry, WorkspaceState } from '#shared/ipc/contract';
import type { AppError, Result } from '#shared/ipc/errors';
import type { EventMap } from '#shared/ipc/events';
import type { AppState } from './store';

/** The open workspace, the host and the recent list, with the actions that change them. */
export type WorkspaceSlice = {
  host: HostInfo | null;
  workspace: WorkspaceState;
  recent: RecentEntry[];
  ready: boolean;
  boot(): Promise<void>;
  refreshWorkspace(): Promise<void>;
  /**
   * Sends a command that opens, creates or saves the workspace under a new name, announced with `reason`: on success the
   * new state, a fresh catalog and recent list; on a refusal other than a cancelled dialog, the error banner (or onRefused).
   */
  changeWorkspace(
    reason: EventMap['workspace-changed']['reason'],
    send: () => Promise<Result<WorkspaceState>>,
    onRefused?: (error: AppError) => void,
  ): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
};

const EMPTY: WorkspaceState = { workspace: null, undoLabel: null, redoLabel: null };

/** Creates the workspace slice. */
export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  /** Undo or redo: announced as catalog-changed, like the edit it takes back or makes again. */
  const step = async (channel: 'edit/undo' | 'edit/redo'): Promise<void> => {
    const reason = channel === 'edit/undo' ? 'undo' : 'redo';
    const result = await get().ownChange('catalog-changed', { reason }, async () => {
      const stepped = await get().client.invoke(channel, {});
      if (stepped.ok) set({ workspace: stepped.value });
      return stepped;
    });
    if (!result.ok) get().showError(result.error);
  };
  return {
    host: null,
    workspace: EMPTY,
    recent: [],
    ready: false,
    async boot() {
      const { client } = get();
      const info = await client.invoke('app/info', {});
      if (info.ok) set({ host: info.value });
      else get().showError(info.error);
      get().listenForChanges();
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
    async changeWorkspace(reason, send, onRefused) {
      const result = await get().ownChange('workspace-changed', { reason }, async () => {
        const sent = await send();
        if (sent.ok) set({ workspace: sent.value, selectedServiceId: null, banner: null });
        return sent;
      });
      if (!result.ok && result.error.code !== 'CANCELLED') (onRefused ?? get().showError)(result.error);
      return result.ok;
    },
    undo: () => step('edit/undo'),
    redo: () => step('edit/redo'),
  };
};
