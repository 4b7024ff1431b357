import { useState } from 'react';
import type { ServiceVersions } from '#shared/ipc/contract';
import { standingDecisions } from '#shared/review/approval';
import { Modal } from '../../components/Modal';
import { useApp } from '../../store/context';
import { DECISION_LABELS } from './review-format';

type Props = { versions: ServiceVersions; readOnly: boolean };

/** A service's versions (number, state, rationale, day proposed, who signed) and the draft, with the form that proposes it. */
export function VersionList({ versions, readOnly }: Props) {
  const signoffs = useApp((s) => s.reviewSignoffs);
  const shown = useApp((s) => s.reviewVersion);
  const show = useApp((s) => s.selectReviewVersion);
  return (
    <section className="card review-versions" aria-labelledby="review-versions-title" data-testid="review-versions">
      <h2 id="review-versions-title">Versions of {versions.serviceName}</h2>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Rationale</th>
            <th scope="col">Proposed</th>
            <th scope="col">Signed by</th>
          </tr>
        </thead>
        <tbody>
          {versions.versions.map((v) => (
            <tr key={v.number} className={v.number === shown ? 'shown' : undefined} data-testid={`review-version-${v.number}`}>
              <th scope="row">
                <button type="button" className="link" aria-pressed={v.number === shown} onClick={() => show(v.number)}>
                  Version {v.number}
                </button>
              </th>
              <td>
                <span className={`review-state review-state-${v.state}`} data-testid={`review-version-${v.number}-state`}>
                  {v.state}
                </span>
              </td>
              <td>{v.rationale || <span className="muted">no rationale</span>}</td>
              <td className="nowrap">{v.proposedOn}</td>
              <td data-testid={`review-version-${v.number}-signed`}>
                {standingDecisions(signoffs[v.number]?.signoffs ?? [])
                  .map((s) => `${s.name} (${s.role}): ${DECISION_LABELS[s.decision].toLowerCase()}`)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
          <tr className="review-draft-row" data-testid="review-version-draft">
            <th scope="row">Draft</th>
            <td>
              <span className="review-state review-state-draft">draft</span>
            </td>
            <td colSpan={3}>{versions.draft.text}</td>
          </tr>
        </tbody>
      </table>
      {readOnly ? null : <ProposeForm versions={versions} />}
    </section>
  );
}

/** "Propose this draft as version N" with its rationale, asked once more because a proposed version cannot be changed. */
function ProposeForm({ versions }: { versions: ServiceVersions }) {
  const reviewEdit = useApp((s) => s.reviewEdit);
  const show = useApp((s) => s.selectReviewVersion);
  const [rationale, setRationale] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = (versions.versions.at(-1)?.number ?? 0) + 1;
  const propose = async () => {
    setAsking(false);
    const sent = rationale;
    const result = await reviewEdit('proposal/create', { serviceId: versions.serviceId, rationale: sent });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setRationale((current) => (current === sent ? '' : current));
    // The new version is the one to sign off and comment on.
    show(result.value.number);
  };
  return (
    <form
      className="review-form"
      aria-label="Propose the draft"
      onSubmit={(e) => {
        e.preventDefault();
        setAsking(true);
      }}
    >
      <label className="field field-wide">
        <span>Rationale for version {next}</span>
        <textarea value={rationale} rows={2} onChange={(e) => setRationale(e.target.value)} data-testid="propose-rationale" />
      </label>
      <button type="submit" className="primary" disabled={!versions.draft.changed} data-testid="propose">
        Propose this draft as version {next}
      </button>
      {!versions.draft.changed ? <p className="field-hint">{versions.draft.text}: change the plan on the Services screen to propose a new version.</p> : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="propose-error">
          {error}
        </p>
      ) : null}
      {asking ? (
        <Modal title={`Propose version ${next} of ${versions.serviceName}`} onClose={() => setAsking(false)} testId="propose-confirm">
          <p>
            Version {next} records the tiers, windows, methods, policy and alert sets of {versions.serviceName} as they are now. A proposed version cannot be
            changed: later edits start a new draft. Undo takes the proposal back while nobody has signed it elsewhere.
          </p>
          <div className="modal-actions">
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void propose()} data-testid="propose-confirm-button">
              Propose version {next}
            </button>
          </div>
        </Modal>
      ) : null}
    </form>
  );
}
