import type { ExportPreview } from '#shared/ipc/contract';
import { binaryNote, draftNote, fileLine, versionText } from './export-model';

type Props = { preview: ExportPreview; selected: string | null; onSelect(name: string): void };

/** What the export would write: the versions taken, what the format loses here, and each file with its text. */
export function ExportPreviewPane({ preview, selected, onSelect }: Props) {
  const file = preview.files.find((f) => f.name === selected) ?? preview.files[0];
  const drafts = draftNote(preview.services);
  const losses = preview.report.losses;
  return (
    <div className="export-preview" data-testid="export-preview">
      <section aria-label="Versions exported">
        <h3>Versions</h3>
        {drafts ? (
          <p className="export-drafts" data-testid="export-drafts">
            {drafts}
          </p>
        ) : null}
        <ul className="export-versions-list" data-testid="export-versions-list">
          {preview.services.map((s) => (
            <li key={s.service}>{versionText(s)}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Loss report" data-testid="export-loss-report">
        <h3>{losses.length === 0 ? `Nothing is lost in ${preview.title}` : `What ${preview.title} cannot carry here (${losses.length})`}</h3>
        {losses.length > 0 ? (
          <ul className="export-losses">
            {losses.map((l) => (
              <li key={l.id} data-testid={`export-loss-${l.id}`}>
                <strong>{l.id}</strong> <span className="muted">({l.concerns.join(', ')})</span>: {l.description}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-label="Files" className="export-files">
        <h3>Files ({preview.files.length})</h3>
        <div className="export-files-body">
          <ul className="export-file-list" aria-label="Files to export">
            {preview.files.map((f) => (
              <li key={f.name}>
                <button
                  className={f.name === file?.name ? 'export-file selected' : 'export-file'}
                  aria-pressed={f.name === file?.name}
                  onClick={() => onSelect(f.name)}
                  data-testid={`export-file-${f.name}`}
                >
                  <span className="export-file-name">{f.name}</span>
                  <span className="muted small">{fileLine(f)}</span>
                </button>
              </li>
            ))}
          </ul>
          {file ? (
            file.encoding === 'base64' ? (
              <p className="export-file-text export-binary" data-testid="export-file-text">
                {binaryNote(file)}
              </p>
            ) : (
              <pre className="export-file-text" tabIndex={0} aria-label={`Text of ${file.name}`} data-testid="export-file-text">
                {file.text}
              </pre>
            )
          ) : null}
        </div>
      </section>
    </div>
  );
}
