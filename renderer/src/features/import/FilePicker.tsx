import { useEffect, useState } from 'react';
import type { FolderListing } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { formatDateTime } from './import-display';
import { localTimeZone } from './import-model';

type Props = { busy: boolean; onPick(path: string): void; onError(error: AppError): void };

/**
 * Chooses the history file: Electron's native dialog (its answer is a reference the import channels accept), the
 * browser-mode server's folder, or a typed path where the host reads paths directly.
 */
export function FilePicker({ busy, onPick, onError }: Props) {
  const access = useApp((s) => s.host?.fileAccess ?? 'folder');
  const client = useApp((s) => s.client);
  const [path, setPath] = useState('');

  if (access === 'dialog') {
    const pick = async () => {
      const result = await client.invoke('import/pick-dialog', {});
      if (!result.ok) return onError(result.error);
      if (result.value) onPick(result.value.ref);
    };
    return (
      <div className="import-picker">
        <p>
          Choose a CSV/TSV export, a Prometheus <code>query_range</code> JSON, JSON samples, an access log or an Upptime history.
        </p>
        <button type="button" className="primary" disabled={busy} onClick={() => void pick()} data-testid="import-choose-file">
          Choose a file…
        </button>
      </div>
    );
  }
  if (access === 'path') {
    return (
      <form
        className="import-picker row"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onPick(path.trim());
        }}
      >
        <Field label="Path of the history file" value={path} onChange={setPath} size="wide" testId="import-path" />
        <button type="submit" className="primary align-end" disabled={busy || path.trim() === ''}>
          Preview
        </button>
      </form>
    );
  }
  return <FolderFiles busy={busy} onPick={onPick} onError={onError} />;
}

function FolderFiles({ busy, onPick, onError }: Props) {
  const client = useApp((s) => s.client);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [subfolder, setSubfolder] = useState('');
  const zone = localTimeZone();

  useEffect(() => {
    let live = true;
    void client.invoke('workspace/list-folder', { subfolder }).then((r) => {
      if (!live) return;
      if (r.ok) setListing(r.value);
      else onError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, subfolder, onError]);

  const entries = listing?.entries.filter((e) => e.kind !== 'workspace') ?? [];
  const inside = (name: string) => (subfolder ? `${subfolder}/${name}` : name);
  return (
    <div className="import-picker">
      <p className="muted">Folder: {listing ? `${listing.folder}${subfolder ? `/${subfolder}` : ''}` : '…'}</p>
      <ul className="file-list import-file-list" aria-label="History files">
        {subfolder ? (
          <li>
            <button type="button" className="link" onClick={() => setSubfolder(subfolder.split('/').slice(0, -1).join('/'))}>
              ↑ Up one folder
            </button>
          </li>
        ) : null}
        {entries.map((e) => (
          <li key={`${e.kind}:${e.name}`}>
            {e.kind === 'folder' ? (
              <button type="button" className="link" disabled={busy} onClick={() => setSubfolder(inside(e.name))}>
                <span className="badge import-folder-badge">folder</span> {e.name}/
              </button>
            ) : (
              <button type="button" className="link import-file" disabled={busy} onClick={() => onPick(inside(e.name))} data-testid={`import-file-${e.name}`}>
                <span className="import-file-name">{e.name}</span>
                <span className="muted small"> · changed {formatDateTime(e.modifiedMs, zone)}</span>
              </button>
            )}
          </li>
        ))}
        {listing && entries.length === 0 ? (
          <li className="muted">No history files here: put .csv, .tsv, .json, .log or .txt files (or the same gzipped) in this folder.</li>
        ) : null}
      </ul>
    </div>
  );
}
