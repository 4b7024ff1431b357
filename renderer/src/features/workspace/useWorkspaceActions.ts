import { useCallback } from 'react';
import { useApp } from '../../store/context';

/** How the core announces each file action. */
export const REASONS = { create: 'created', open: 'opened', 'save-as': 'saved-as' } as const;

/** New, Open and Save As: native dialogs in the desktop app, the in-app folder dialog in browser mode. */
export function useWorkspaceActions() {
  const host = useApp((s) => s.host);
  const client = useApp((s) => s.client);
  const change = useApp((s) => s.changeWorkspace);
  const openDialog = useApp((s) => s.openDialog);

  const run = useCallback(
    async (mode: 'create' | 'open' | 'save-as') => {
      if (host?.fileAccess === 'dialog') {
        const channel = mode === 'create' ? 'workspace/create-dialog' : mode === 'open' ? 'workspace/open-dialog' : 'workspace/save-as-dialog';
        await change(REASONS[mode], () => client.invoke(channel, {}));
      } else {
        openDialog({ kind: 'file', mode });
      }
    },
    [host, client, change, openDialog],
  );

  const openRecent = useCallback(
    async (id: string) => {
      await change('opened', () => client.invoke('workspace/open-recent', { id }));
    },
    [client, change],
  );

  return {
    newWorkspace: () => run('create'),
    openWorkspace: () => run('open'),
    saveAs: () => run('save-as'),
    openRecent,
  };
}
