import { describeState, STATE_LABELS, type BudgetPolicy } from '#shared/budget/policy';
import { LEGEND_STATES } from './policy-draft';

type Props = { policy: BudgetPolicy; compact?: boolean; testId?: string };

/** The four budget states as a coloured legend: each state's condition, and its actions (in full, or as a tooltip when compact). */
export function PolicyLegend({ policy, compact = false, testId }: Props) {
  return (
    <ul className={`policy-legend ${compact ? 'policy-legend-compact' : ''}`} aria-label="Error-budget policy states" data-testid={testId}>
      {LEGEND_STATES.map((state) => (
        <li key={state} className={`policy-state state-${state}`} title={compact ? policy.actions[state] : undefined}>
          <span className="state-swatch" aria-hidden="true" />
          <strong>{STATE_LABELS[state]}</strong>
          <span className="state-condition">{describeState(policy, state)}</span>
          {compact ? null : <span className="state-actions">{policy.actions[state]}</span>}
        </li>
      ))}
    </ul>
  );
}
