import { useEffect, useState } from 'react';
import type { FolderListing } from '#shared/ipc/contract';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useApp } from '../../store/context';
import { REASONS } from './useWorkspaceActions';

const TITLES = { create: 'New workspace', open: 'Open workspace', 'save-as': 'Save workspace as' } as const;

/** Browser mode's file dialog: the workspaces in the server's folder, and a name for a new one. */
export function FileDialog({ mode }: { mode: 'create' | 'open' | 'save-as' }) {
  const client = useApp((s) => s.client);
  const change = useApp((s) => s.changeWorkspace);
  const close = useApp((s) => s.openDialog);
  const [full, setListing] = useState<FolderListing | null>(null);
  // History files are listed for the import wizard, not here.
  const listing = full && { ...full, entries: full.entries.filter((e) => e.kind !== 'data') };
  const [subfolder, setSubfolder] = useState('');
  const [name, setName] = useState(mode === 'open' ? '' : 'workshop');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.invoke('workspace/list-folder', { subfolder }).then((r) => {
      if (!live) return;
      if (r.ok) setListing(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, subfolder]);

  const submit = async (file: string) => {
    const path = subfolder ? `${subfolder}/${file}` : file;
    const channel = mode === 'create' ? 'workspace/create' : mode === 'open' ? 'workspace/open' : 'workspace/save-as';
    // The dialog closes as soon as the core has answered, before the new workspace's catalog arrives; a refusal stays in it.
    const send = async () => {
      const result = await client.invoke(channel, { path });
      if (result.ok) close(null);
      return result;
    };
    await change(REASONS[mode], send, (refusal) => setError(refusal.message));
  };

  return (
    <Modal title={TITLES[mode]} onClose={() => close(null)} testId="file-dialog">
      <p className="muted">Folder: {listing ? `${listing.folder}${subfolder ? '/' + subfolder : ''}` : '…'}</p>
      <ul className="file-list" aria-label="Files">
        {subfolder ? (
          <li>
            <button className="link" onClick={() => setSubfolder(subfolder.split('/').slice(0, -1).join('/'))}>
              ⬑ up
            </button>
          </li>
        ) : null}
        {listing?.entries.map((e) => (
          <li key={e.name}>
            <button
              className="link"
              onClick={() =>
                e.kind === 'folder'
                  ? setSubfolder(subfolder ? `${subfolder}/${e.name}` : e.name)
                  : mode === 'open'
                    ? (setName(e.name), void submit(e.name))
                    : setName(e.name.replace(/\.slowb$/i, ''))
              }
            >
              {e.kind === 'folder' ? '📁 ' : ''}
              {e.name}
            </button>
          </li>
        ))}
        {listing && listing.entries.length === 0 ? <li className="muted">No workspaces here yet.</li> : null}
      </ul>
      {error ? (
        <div className="dialog-error" role="alert" data-testid="file-dialog-error">
          {error}
        </div>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(name);
        }}
      >
        <Field
          label={mode === 'open' ? 'File name' : 'Name (saved as .slowb)'}
          value={name}
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
          testId="file-name"
          autoFocus
        />
        <div className="modal-actions">
          <button type="button" onClick={() => close(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {mode === 'open' ? 'Open' : mode === 'create' ? 'Create' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
