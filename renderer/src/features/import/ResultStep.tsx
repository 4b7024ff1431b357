import type { ImportIssue } from '#shared/importers/types';
import type { ImportSummary } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import { duplicateText, errorView, MAX_ISSUES_SHOWN, seriesRows, shownIssues, storedText } from './import-display';

type Props = {
  outcome: Result<ImportSummary>;
  /** When the duplicate was first imported: undefined while looking it up, null when unknown. */
  duplicateAtMs: number | null | undefined;
  timeZone: string;
  backLabel: string;
  onBack(): void;
  onClose(): void;
};

function IssuesTable({ issues }: { issues: readonly ImportIssue[] }) {
  const { rows, more } = shownIssues(issues);
  return (
    <div className="import-issues" role="region" aria-label="Problems found" tabIndex={0} data-testid="import-issues">
      {/* Table headers of the same shape as other tables' (SliCard): the columns are this table's own. */}
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Severity</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((issue, i) => (
            <tr key={i} className={issue.severity === 'error' ? 'import-issue-error' : undefined}>
              <td>{issue.line ?? '—'}</td>
              <td>{issue.column ?? '—'}</td>
              <td>{issue.severity}</td>
              <td>
                <code>{issue.code}</code> {issue.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? (
        <p className="muted">
          Only the first {MAX_ISSUES_SHOWN} are listed; {more} more {more === 1 ? 'is' : 'are'} not shown.
        </p>
      ) : null}
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** What the import did: stored with its series, a duplicate of an earlier import, refused with its issues, or an error. */
export function ResultStep({ outcome, duplicateAtMs, timeZone, backLabel, onBack, onClose }: Props) {
  const actions = (back: boolean) => (
    <div className="modal-actions">
      {back ? (
        <button type="button" onClick={onBack}>
          {backLabel}
        </button>
      ) : null}
      <button type="button" className={back ? undefined : 'primary'} onClick={onClose} data-testid="import-close">
        Close
      </button>
    </div>
  );
  if (!outcome.ok) {
    const { title, message } = errorView(outcome.error);
    const where = outcome.error.details?.line
      ? ` (line ${outcome.error.details.line}${outcome.error.details.column ? `, column ${outcome.error.details.column}` : ''})`
      : '';
    return (
      <div data-testid="import-result" data-status="error">
        <div className="dialog-error import-error" role="alert" data-testid="import-error">
          <strong>{title}:</strong> {message}
          {where} <span className="import-code">[{outcome.error.code}]</span>
        </div>
        {actions(true)}
      </div>
    );
  }
  const s = outcome.value;
  if (s.status === 'duplicate') {
    return (
      <div data-testid="import-result" data-status="duplicate">
        <p className="import-outcome">
          {duplicateAtMs === undefined ? 'Already imported; looking up when…' : duplicateText(s.fileName, duplicateAtMs, timeZone)}
        </p>
        {actions(false)}
      </div>
    );
  }
  if (s.status === 'refused') {
    return (
      <div data-testid="import-result" data-status="refused">
        <div className="dialog-error" role="alert">
          Nothing was stored: {plural(s.rejected, 'row')} of {s.fileName} could not be read{s.accepted > 0 ? ` (${plural(s.accepted, 'row')} were fine)` : ''}.
          Fix the file or the mapping, or choose “Skip bad rows”.
        </div>
        <IssuesTable issues={s.issues} />
        {actions(true)}
      </div>
    );
  }
  return (
    <div data-testid="import-result" data-status="stored">
      <p className="import-outcome" role="status">
        {storedText(s)}
      </p>
      <table className="import-table import-series">
        <caption className="sr-only">Imported series</caption>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Points</th>
            <th scope="col">Step</th>
            <th scope="col">From – to ({timeZone})</th>
          </tr>
        </thead>
        <tbody>
          {seriesRows(s, timeZone).map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.points}</td>
              <td>{r.step}</td>
              <td>{r.range}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.issues.length > 0 ? (
        <>
          <h4 className="import-subhead">Notes about the data</h4>
          <IssuesTable issues={s.issues} />
        </>
      ) : null}
      {actions(false)}
    </div>
  );
}
