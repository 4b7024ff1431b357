import { useState } from 'react';
import { formatDuration } from '#shared/budget/alerts';
import { useApp } from '../../store/context';
import { alertSetDraftOf, type AlertSetDraft } from './alert-set-draft';
import { AlertSetForm } from './AlertSetForm';

/** The workspace's alert window sets: the built-in ones, the team's own (editable, deletable) and a form to add one. */
export function AlertSetsPanel({ readOnly }: { readOnly: boolean }) {
  const alertSets = useApp((s) => s.alertSets);
  const edit = useApp((s) => s.edit);
  const [editing, setEditing] = useState<{ id: number; draft: AlertSetDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (id: number) => {
    const result = await edit('alerts/delete-set', { id });
    setError(result.ok ? null : result.error.message);
    if (editing?.id === id) setEditing(null);
  };

  return (
    <details className="card alert-sets-panel" data-testid="alert-sets-panel">
      <summary>
        <h2>Alert window sets</h2> <span className="muted small">for every service of this workspace</span>
      </summary>
      <p className="muted small">
        Each SLO’s alerts use the set made for its period — your own first, then the SRE workbook’s 30- and 28-day sets — or the 30-day set fitted to it: a
        shorter period shrinks its windows in proportion (never below 1 minute) and keeps its thresholds ×14.4, 6, 3 and 1; a longer one keeps its windows and
        raises its thresholds. Burn-rate threshold = budget share × period ÷ long window; an alert fires when both its windows burn above it.
      </p>
      <ul className="alert-set-list">
        {(alertSets?.builtIn ?? []).map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong> <span className="muted">built in · {formatDuration(s.periodMinutes)}</span>
          </li>
        ))}
        {(alertSets?.custom ?? []).map((s) => (
          <li key={s.id} data-testid={`alert-set-${s.name}`}>
            <strong>{s.name}</strong> <span className="muted">{formatDuration(s.periodMinutes)}</span>
            {readOnly ? null : (
              <>
                <button className="link" onClick={() => setEditing({ id: s.id, draft: alertSetDraftOf(s) })}>
                  Edit
                </button>
                <button className="link danger" onClick={() => void remove(s.id)} aria-label={`Delete alert set ${s.name}`}>
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <div className="dialog-error" role="alert">
          {error}
        </div>
      ) : null}
      {readOnly ? null : (
        <>
          <h3>{editing ? `Edit “${editing.draft.name}”` : 'Add an alert set'}</h3>
          <AlertSetForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
        </>
      )}
    </details>
  );
}
