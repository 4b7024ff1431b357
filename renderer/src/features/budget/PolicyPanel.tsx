import { useEffect, useState } from 'react';
import { DEFAULT_POLICY, describeState, MAX_ACTION_LENGTH, STATE_LABELS, type PolicyState } from '#shared/budget/policy';
import type { Service } from '#shared/domain/types';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { LEGEND_STATES, policyDraftChanged, policyDraftOf, validatePolicyDraft, type PolicyDraft, type PolicyField, type ThresholdField } from './policy-draft';

const THRESHOLDS: { field: ThresholdField; label: string; suffix: string }[] = [
  { field: 'warningBelowPercent', label: 'Warning below', suffix: '% of the budget left' },
  { field: 'warningBurnRate', label: 'or warning at burn rate', suffix: '× or faster' },
  { field: 'criticalBelowPercent', label: 'Critical below', suffix: '% of the budget left' },
  { field: 'criticalBurnRate', label: 'or critical at burn rate', suffix: '× or faster' },
];

/** The service's error-budget policy: the four states with their conditions and actions, editable, saved as one undoable edit. */
export function PolicyPanel({ service, readOnly }: { service: Service; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const stored = service.policy ?? DEFAULT_POLICY;
  const storedKey = JSON.stringify(stored);
  const [draft, setDraft] = useState<PolicyDraft>(policyDraftOf(stored));
  const [errors, setErrors] = useState<Partial<Record<PolicyField, string>>>({});
  useEffect(() => {
    setDraft(policyDraftOf(JSON.parse(storedKey)));
    setErrors({});
  }, [storedKey]);

  const checked = validatePolicyDraft(draft);
  const shownPolicy = checked.ok ? checked.policy : stored;
  const changed = policyDraftChanged(draft, stored);

  const save = async () => {
    if (!checked.ok) return setErrors(checked.errors);
    const result = await edit('service/set-policy', { serviceId: service.id, policy: checked.policy });
    if (!result.ok)
      setErrors({ [(result.error.details?.field ?? 'policy.warningBelowPercent').replace(/^policy\./, '') as PolicyField]: result.error.message });
  };
  const reset = async () => {
    const result = await edit('service/set-policy', { serviceId: service.id, policy: null });
    if (!result.ok) setErrors({ warningBelowPercent: result.error.message });
  };
  const setThreshold = (field: ThresholdField, value: string) => {
    setDraft({ ...draft, [field]: value });
    setErrors({});
  };
  const setAction = (state: PolicyState, value: string) => {
    setDraft({ ...draft, actions: { ...draft.actions, [state]: value } });
    setErrors({});
  };

  return (
    <section className="card policy-panel" aria-label="Error-budget policy" data-testid="policy-panel">
      <div className="panel-head">
        <h2>Error-budget policy</h2>
        <span className="badge">{service.policy ? 'this service’s own policy' : 'default policy'}</span>
      </div>
      <p className="muted small">
        When the SLO’s remaining budget or its burn rate crosses a threshold, the service changes state, and the team does what that state says.
      </p>
      <div className="policy-thresholds">
        {THRESHOLDS.map((t) =>
          readOnly ? null : (
            <Field
              key={t.field}
              label={t.label}
              value={draft[t.field]}
              suffix={t.suffix}
              size="narrow"
              testId={`policy-${t.field}`}
              onChange={(v) => setThreshold(t.field, v)}
              error={errors[t.field]}
            />
          ),
        )}
      </div>
      <ul className="policy-legend policy-editor">
        {LEGEND_STATES.map((state) => (
          <li key={state} className={`policy-state state-${state}`} data-testid={`policy-state-${state}`}>
            <span className="state-swatch" aria-hidden="true" />
            <strong>{STATE_LABELS[state]}</strong>
            <span className="state-condition">{describeState(shownPolicy, state)}</span>
            {readOnly ? (
              <span className="state-actions">{stored.actions[state]}</span>
            ) : (
              <span className="state-actions">
                <textarea
                  aria-label={`${STATE_LABELS[state]} actions`}
                  value={draft.actions[state]}
                  rows={Math.max(2, Math.ceil(draft.actions[state].length / 55))}
                  maxLength={MAX_ACTION_LENGTH + 1}
                  aria-invalid={Boolean(errors[`actions.${state}`])}
                  data-testid={`policy-actions-${state}`}
                  onChange={(e) => setAction(state, e.target.value)}
                />
                {errors[`actions.${state}`] ? (
                  <span className="field-error" role="alert">
                    {errors[`actions.${state}`]}
                  </span>
                ) : null}
              </span>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div className="form-actions">
          <button className="primary" disabled={!changed} onClick={() => void save()} data-testid="policy-save">
            Save policy
          </button>
          <button disabled={service.policy === null} onClick={() => void reset()} data-testid="policy-reset">
            Reset to default
          </button>
          {changed ? <span className="muted small">Unsaved changes</span> : null}
        </div>
      )}
    </section>
  );
}
