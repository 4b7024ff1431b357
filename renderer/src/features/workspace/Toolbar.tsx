import { useApp } from '../../store/context';
import { ExportDialog } from '../export/ExportDialog';
import { useWorkspaceActions } from './useWorkspaceActions';

/** The title bar: the open workspace, file actions, Export (its dialog shown from here), and undo/redo with what they would do. */
export function Toolbar() {
  const state = useApp((s) => s.workspace);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const actions = useWorkspaceActions();
  const dialog = useApp((s) => s.dialog);
  const openDialog = useApp((s) => s.openDialog);
  const ws = state.workspace;
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        SLO Workbench
      </div>
      <div className="toolbar-title" data-testid="workspace-title">
        {ws ? (
          <>
            <strong>{ws.name}</strong>
            {ws.location !== ws.name ? <span className="muted"> {ws.location}</span> : null}
          </>
        ) : (
          <span className="muted">No workspace open</span>
        )}
        {ws?.readOnly ? <span className="badge badge-warn">read-only</span> : null}
      </div>
      <nav className="toolbar-actions" aria-label="Workspace">
        <button onClick={() => void actions.newWorkspace()}>New…</button>
        <button onClick={() => void actions.openWorkspace()}>Open…</button>
        <button onClick={() => void actions.saveAs()} disabled={!ws}>
          Save As…
        </button>
        <button
          onClick={() => openDialog({ kind: 'export' })}
          disabled={!ws}
          title="Export the SLOs as spec files (Ctrl+E)"
          aria-keyshortcuts="Control+E"
          data-testid="toolbar-export"
        >
          Export…
        </button>
        <span className="toolbar-sep" />
        <button
          onClick={() => void undo()}
          disabled={!state.undoLabel}
          title={state.undoLabel ? `Undo: ${state.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          aria-keyshortcuts="Control+Z"
          data-testid="undo"
        >
          Undo
        </button>
        <button
          onClick={() => void redo()}
          disabled={!state.redoLabel}
          title={state.redoLabel ? `Redo: ${state.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          aria-keyshortcuts="Control+Shift+Z"
          data-testid="redo"
        >
          Redo
        </button>
      </nav>
      {dialog?.kind === 'export' && ws ? <ExportDialog serviceIds={dialog.serviceIds} onClose={() => openDialog(null)} /> : null}
    </header>
  );
}
