import { useEffect, useState } from 'react';
import { budgetMinutesForWindow, formatMinutesRange } from '../../../../shared/budget/budget';
import { BUDGETING_METHODS, METHOD_LABELS, TIER_LABELS, type BudgetingMethod, type Sli, type Tier } from '../../../../shared/domain/types';
import { useApp } from '../../store/context';
import { draftOf, validateDraft, type TierDraft, type TierDraftErrors } from './tier-draft';

type Props = { sli: Sli; tier: Tier; readOnly: boolean; warned: boolean };

/** One tier of one SLI: target, window, budgeting method and (latency) threshold, saved as soon as they are valid. */
export function TierRow({ sli, tier, readOnly, warned }: Props) {
  const edit = useApp((s) => s.edit);
  const objective = sli.objectives[tier];
  const stored = draftOf(sli, objective);
  const storedKey = JSON.stringify(stored);
  const [draft, setDraft] = useState<TierDraft>(stored);
  const [errors, setErrors] = useState<TierDraftErrors>({});
  useEffect(() => {
    setDraft(JSON.parse(storedKey) as TierDraft);
    setErrors({});
  }, [storedKey]);

  const commit = async (next: TierDraft) => {
    if (!objective && next.target.trim() === '') return setErrors({});
    if (JSON.stringify(next) === storedKey) return setErrors({});
    const checked = validateDraft(sli, tier, next);
    if (!checked.ok) return setErrors(checked.errors);
    const result = await edit('objective/set', checked.args);
    if (!result.ok) {
      const field = result.error.details?.field ?? '';
      const key = field.startsWith('window') ? 'days' : field === 'latencyThresholdMs' ? 'threshold' : 'target';
      setErrors({ [key]: result.error.message });
    } else setErrors({});
  };
  const change = (patch: Partial<TierDraft>, commitNow = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
    if (commitNow) void commit(next);
  };
  const budget = objective ? formatMinutesRange(budgetMinutesForWindow(objective.targetPpm, objective.window)) : '—';
  const label = TIER_LABELS[tier];
  const testId = `tier-${sli.id}-${tier}`;

  return (
    <tr className={`tier-row tier-${tier} ${warned ? 'tier-warned' : ''}`} data-testid={testId}>
      <th scope="row"><span className="tier-label"><span className={`tier-dot dot-${tier}`} aria-hidden="true" />{tier === 'target' ? 'Performance target' : label}</span></th>
      <td>
        <div className="cell-input">
          <input aria-label={`${label} target %`} value={draft.target} placeholder="99.9" disabled={readOnly} data-testid={`${testId}-target`}
            aria-invalid={Boolean(errors.target)} onChange={(e) => change({ target: e.target.value })} onBlur={() => void commit(draft)}
            onKeyDown={(e) => e.key === 'Enter' && void commit(draft)} />
          <span className="field-suffix">%</span>
        </div>
        {errors.target ? <div className="field-error" role="alert" data-testid={`${testId}-target-error`}>{errors.target}</div> : null}
      </td>
      <td>
        <div className="cell-input">
          <select aria-label={`${label} window`} value={draft.windowKind} disabled={readOnly} data-testid={`${testId}-window`}
            onChange={(e) => change({ windowKind: e.target.value as TierDraft['windowKind'] }, true)}>
            <option value="rolling">rolling</option>
            <option value="calendar">calendar month</option>
          </select>
          {draft.windowKind === 'rolling' ? (
            <>
              <input className="narrow" aria-label={`${label} window days`} value={draft.days} disabled={readOnly} data-testid={`${testId}-days`}
                aria-invalid={Boolean(errors.days)} onChange={(e) => change({ days: e.target.value })} onBlur={() => void commit(draft)}
                onKeyDown={(e) => e.key === 'Enter' && void commit(draft)} />
              <span className="field-suffix">days</span>
            </>
          ) : null}
        </div>
        {errors.days ? <div className="field-error" role="alert" data-testid={`${testId}-days-error`}>{errors.days}</div> : null}
      </td>
      <td>
        <select aria-label={`${label} budgeting method`} value={draft.method} disabled={readOnly} data-testid={`${testId}-method`}
          onChange={(e) => change({ method: e.target.value as BudgetingMethod }, true)}>
          {BUDGETING_METHODS.map((m) => <option key={m} value={m}>{METHOD_LABELS[m]}</option>)}
        </select>
      </td>
      {sli.kind === 'latency' ? (
        <td>
          <div className="cell-input">
            <input className="narrow" aria-label={`${label} threshold ms`} value={draft.threshold} disabled={readOnly} data-testid={`${testId}-threshold`}
              aria-invalid={Boolean(errors.threshold)} onChange={(e) => change({ threshold: e.target.value })} onBlur={() => void commit(draft)}
              onKeyDown={(e) => e.key === 'Enter' && void commit(draft)} />
            <span className="field-suffix">ms</span>
          </div>
          {errors.threshold ? <div className="field-error" role="alert" data-testid={`${testId}-threshold-error`}>{errors.threshold}</div> : null}
        </td>
      ) : null}
      <td className="budget-cell" data-testid={`${testId}-budget`}>{budget}</td>
      <td>
        {objective && !readOnly ? (
          <button className="icon" aria-label={`Clear ${label}`} title={`Clear the ${label}`} onClick={() => void edit('objective/clear', { sliId: sli.id, tier })}>✕</button>
        ) : null}
      </td>
    </tr>
  );
}
