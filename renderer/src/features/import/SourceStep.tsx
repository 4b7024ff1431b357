import type { AppError } from '#shared/ipc/errors';
import { FilePicker } from './FilePicker';
import { errorView } from './import-display';
import { PrometheusForm } from './PrometheusForm';
import type { PromDraft, PromErrors } from './prometheus-model';

/** Where history comes from. */
export type SourceKind = 'file' | 'prometheus';

type Props = {
  source: SourceKind;
  onSource(source: SourceKind): void;
  previewing: boolean;
  error: AppError | null;
  onPick(path: string): void;
  onPickError(error: AppError): void;
  prom: PromDraft;
  timeZone: string;
  onProm(draft: PromDraft): void;
  onPromStart(): PromErrors | null;
  onClose(): void;
};

/** Step 1: a file (picked the host's way) or a live Prometheus, with the file's preview errors named. */
export function SourceStep({ source, onSource, previewing, error, onPick, onPickError, prom, timeZone, onProm, onPromStart, onClose }: Props) {
  const shown = error ? errorView(error) : null;
  return (
    <div className="import-source">
      <fieldset className="import-choice import-source-choice">
        <legend>Import from</legend>
        <label>
          <input type="radio" name="import-source" checked={source === 'file'} data-testid="import-source-file" onChange={() => onSource('file')} /> A file{' '}
          <span className="muted">(CSV/TSV, Prometheus JSON, JSON samples, access log, Upptime)</span>
        </label>
        <label>
          <input
            type="radio"
            name="import-source"
            checked={source === 'prometheus'}
            data-testid="import-source-prometheus"
            onChange={() => onSource('prometheus')}
          />{' '}
          A live Prometheus <span className="muted">(range queries over its HTTP API)</span>
        </label>
      </fieldset>
      {source === 'file' ? (
        <>
          <FilePicker busy={previewing} onPick={onPick} onError={onPickError} />
          {previewing ? <p role="status">Reading the first lines…</p> : null}
          {shown ? (
            <div className="dialog-error" role="alert" data-testid="import-error">
              <strong>{shown.title}:</strong> {shown.message}
            </div>
          ) : null}
        </>
      ) : (
        <PrometheusForm draft={prom} timeZone={timeZone} onChange={onProm} onStart={onPromStart} onClose={onClose} />
      )}
    </div>
  );
}
