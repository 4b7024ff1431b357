import type { VersionSummary } from '#shared/ipc/contract';
import { standingDecisions } from '#shared/review/approval';
import type { Signoff } from '#shared/review/types';
import { useApp } from '../../store/context';
import { approvalWords, DECISION_LABELS } from './review-format';
import { SignoffForm } from './SignoffForm';

type Props = { serviceId: number; version: VersionSummary; readOnly: boolean };

/** The shown version's approval in plain words and its sign-offs by required role, with the form that records one. */
export function SignoffPanel({ serviceId, version, readOnly }: Props) {
  const signoffs = useApp((s) => s.reviewSignoffs[version.number]);
  const required = signoffs?.requiredRoles ?? [];
  const all = signoffs?.signoffs ?? [];
  const approval = signoffs?.approval ?? version.approval;
  const standing = new Set<Signoff>(standingDecisions(all) as Signoff[]);
  const others = all.filter((s) => !required.includes(s.role));
  const rows = (list: Signoff[]) =>
    list.map((s) => (
      <tr key={s.id} className={standing.has(s) ? undefined : 'superseded'} data-testid="signoff-row">
        <th scope="row">{s.role}</th>
        <td>{s.name}</td>
        <td className={`decision decision-${s.decision}`}>
          {DECISION_LABELS[s.decision]}
          {standing.has(s) ? null : <span className="small"> (replaced by a later decision)</span>}
        </td>
        <td>{s.rationale || <span className="muted">—</span>}</td>
        <td>{s.date}</td>
      </tr>
    ));
  return (
    <section className="card review-signoff" aria-labelledby="review-signoff-title" data-testid="review-signoff">
      <h2 id="review-signoff-title">Sign-off of version {version.number}</h2>
      <p className={approval.approved ? 'review-approval approved' : 'review-approval waiting'} role="status" data-testid="review-approval">
        {approvalWords(approval, required)}
      </p>
      <table className="review-table review-signoffs">
        <caption className="sr-only">Sign-offs of version {version.number} by required role</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Name</th>
            <th scope="col">Decision</th>
            <th scope="col">Rationale</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {required.map((role) => {
            const of = all.filter((s) => s.role === role);
            return of.length > 0 ? (
              rows(of)
            ) : (
              <tr key={`none-${role}`} className="missing" data-testid="signoff-missing">
                <th scope="row">{role}</th>
                <td colSpan={4} className="muted">
                  No sign-off yet
                </td>
              </tr>
            );
          })}
          {rows(others)}
        </tbody>
      </table>
      {readOnly ? null : <SignoffForm serviceId={serviceId} version={version.number} roles={required} />}
    </section>
  );
}
