import { useState } from 'react';
import { DECISIONS, type Decision } from '#shared/exporters/types';
import { useApp } from '../../store/context';
import { DECISION_LABELS } from './review-format';

type Props = { serviceId: number; version: number; roles: readonly string[] };

const OTHER = '';

/** Records one stakeholder's decision: name, role (a required one or another), decision, rationale and date. */
export function SignoffForm({ serviceId, version, roles }: Props) {
  const reviewEdit = useApp((s) => s.reviewEdit);
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(roles[0] ?? OTHER);
  const [otherRole, setOtherRole] = useState('');
  const [decision, setDecision] = useState<Decision>('approve');
  const [rationale, setRationale] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosenRole = role === OTHER ? otherRole : role;

  const record = async () => {
    const sent = { name, rationale };
    const result = await reviewEdit('signoff/add', { serviceId, version, name, role: chosenRole, decision, rationale, date: date.trim() === '' ? null : date });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    // Clear only what was sent: the next person's name, typed while this one was on its way, stays.
    setName((current) => (current === sent.name ? '' : current));
    setRationale((current) => (current === sent.rationale ? '' : current));
  };
  return (
    <form
      className="review-form signoff-form"
      aria-label={`Record a sign-off of version ${version}`}
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <h3>Record a sign-off</h3>
      <div className="row">
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="signoff-name" />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="signoff-role">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            <option value={OTHER}>another role…</option>
          </select>
        </label>
        {role === OTHER ? (
          <label className="field">
            <span>Other role</span>
            <input value={otherRole} onChange={(e) => setOtherRole(e.target.value)} data-testid="signoff-other-role" />
          </label>
        ) : null}
        <fieldset className="review-decision">
          <legend>Decision</legend>
          {DECISIONS.map((d) => (
            <label key={d} className="check">
              <input
                type="radio"
                name={`decision-${version}`}
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
                data-testid={`signoff-${d}`}
              />
              {DECISION_LABELS[d]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Date (empty: today)</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="signoff-date" />
        </label>
      </div>
      <label className="field field-wide">
        <span>Rationale</span>
        <textarea value={rationale} rows={2} onChange={(e) => setRationale(e.target.value)} data-testid="signoff-rationale" />
      </label>
      <div className="row">
        <button type="submit" className="primary" data-testid="signoff-record">
          Record sign-off
        </button>
        <p className="field-hint">
          A recorded sign-off is never changed: a later decision of the same person in the same role replaces it. Undo takes it back.
        </p>
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid="signoff-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
