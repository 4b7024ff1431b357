import type { EventMap } from '#shared/ipc/events';
import { progressView } from './import-display';

type Props = { what: string; progress: EventMap['import-progress'] | null; cancelling: boolean; onCancel(): void };

/** A running import: a real progress bar with its phase, and Cancel (nothing is stored when it is cancelled). */
export function ProgressStep({ what, progress, cancelling, onCancel }: Props) {
  const view = progressView(progress);
  return (
    <div className="import-running">
      <p>Importing {what}…</p>
      <progress
        className="import-progress-bar"
        data-testid="import-progress"
        aria-label="Import progress"
        max={view.max}
        {...(view.value === null ? {} : { value: view.value })}
      />
      <p className="import-phase" role="status" aria-live="polite">
        {cancelling ? 'Cancelling…' : view.text}
      </p>
      <p className="import-hint">Nothing is stored until the import has finished; cancelling or closing this window leaves the workspace as it was.</p>
      <div className="modal-actions">
        <button type="button" className="danger" onClick={onCancel} disabled={cancelling} data-testid="import-cancel">
          Cancel import
        </button>
      </div>
    </div>
  );
}
