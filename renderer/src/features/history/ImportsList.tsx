import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { utcText } from '#shared/domain/utc-text';
import { useApp } from '../../store/context';

const day = (ms: number | null) => utcText(ms, 'day');

/** What has been imported for the SLI, with the series to analyse and a way to remove an import (undoable). */
export function ImportsList() {
  const imports = useApp((s) => s.imports);
  const report = useApp((s) => s.report);
  const setSeries = useApp((s) => s.setSeries);
  const remove = useApp((s) => s.deleteImport);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const [confirm, setConfirm] = useState<{ id: number; name: string } | null>(null);
  if (imports.length === 0) return null;
  return (
    <section className="card imports" aria-labelledby="imports-title" data-testid="imports-list">
      <h3 id="imports-title">Imported history</h3>
      <ul>
        {imports.map((i) => (
          <li key={i.id}>
            <strong>{i.fileName}</strong>{' '}
            <span className="muted">
              {i.format}, {i.acceptedRows.toLocaleString('en')} rows{i.mergedRows ? `, ${i.mergedRows.toLocaleString('en')} merged as repeated times` : ''}
              {i.rejectedRows ? `, ${i.rejectedRows.toLocaleString('en')} skipped` : ''}
            </span>
            {!readOnly ? (
              <button className="link danger" onClick={() => setConfirm({ id: i.id, name: i.fileName })} aria-label={`Remove import ${i.fileName}`}>
                Remove
              </button>
            ) : null}
            {i.series.length > 6 ? (
              <div className="muted">{i.series.length} series; choose one with “Series” above.</div>
            ) : (
              <ul className="series-list">
                {i.series.map((s) => {
                  const active = report?.seriesId === s.seriesId;
                  return (
                    <li key={s.seriesId}>
                      <button className={`link ${active ? 'active' : ''}`} aria-pressed={active} onClick={() => setSeries(s.seriesId)}>
                        {s.name}
                      </button>
                      <span className="muted">
                        {' '}
                        {s.points.toLocaleString('en')} samples, {day(s.startMs)} → {day(s.endMs)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {/* A ConfirmDialog's texts and actions: alike in shape to App's, the dialog itself is one component. */}
      {confirm ? (
        <ConfirmDialog
          title="Remove import"
          confirm="Remove import"
          onCancel={() => setConfirm(null)}
          message={`Remove “${confirm.name}” and its series from this workspace? You can undo this.`}
          onConfirm={() => {
            void remove(confirm.id);
            setConfirm(null);
          }}
        />
      ) : null}
    </section>
  );
}
