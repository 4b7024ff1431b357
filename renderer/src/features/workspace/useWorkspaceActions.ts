import { useCallback } from 'react';
import { useApp } from '../../store/context';

/** New, Open and Save As: native dialogs in the desktop app, the in-app folder dialog in browser mode. */
export function useWorkspaceActions() {
  const host = useApp((s) => s.host);
  const client = useApp((s) => s.client);
  const apply = useApp((s) => s.applyWorkspaceResult);
  const openDialog = useApp((s) => s.openDialog);

  const run = useCallback(
    async (mode: 'create' | 'open' | 'save-as') => {
      if (host?.fileAccess === 'dialog') {
        const channel = mode === 'create' ? 'workspace/create-dialog' : mode === 'open' ? 'workspace/open-dialog' : 'workspace/save-as-dialog';
        await apply(await client.invoke(channel, {}));
      } else {
        openDialog({ kind: 'file', mode });
      }
    },
    [host, client, apply, openDialog],
  );

  const openRecent = useCallback(
    async (id: string) => {
      await apply(await client.invoke('workspace/open-recent', { id }));
    },
    [client, apply],
  );

  return {
    newWorkspace: () => run('create'),
    openWorkspace: () => run('open'),
    saveAs: () => run('save-as'),
    openRecent,
  };
}
