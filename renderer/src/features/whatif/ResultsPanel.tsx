import { STATE_LABELS } from '#shared/budget/policy';
import { TIER_LABELS } from '#shared/domain/types';
import type { SimulationResult } from '#shared/simulation/result';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import { summarise } from '#shared/simulation/summary';
import { FanChart } from '../../charts/FanChart';
import { PolicyShareChart } from '../../charts/PolicyShareChart';
import { RunOutChart } from '../../charts/RunOutChart';
import { BreachTable } from './BreachTable';
import { spreadText } from './whatif-format';

/** What one run says: the plain-language summary (with the top knob when a sensitivity run of the scenario is at hand), the fan of remaining budget, the breach table, when budgets run out, and the policy timeline. */
export function ResultsPanel({ result, stale, sensitivity }: { result: SimulationResult; stale: boolean; sensitivity: Sensitivity | null }) {
  const policy = result.policy;
  const policyDays = policy ? (result.tiers.find((t) => t.tier === policy.tier)?.windowMinutes ?? 43_200) / 1440 : 30;
  return (
    <section className="wf-results" aria-label="Results" data-testid="whatif-results">
      <p className="wf-summary" data-testid="whatif-summary">
        {summarise(result, sensitivity ?? undefined)}
      </p>
      {stale ? (
        <p className="notice notice-warn" role="status" data-testid="whatif-stale">
          These results are of the saved scenario; Run saves your edits and runs again.
        </p>
      ) : null}
      <h3>Error budget left through the window</h3>
      <FanChart tiers={result.tiers} />
      <BreachTable result={result} />
      <h3>When the budget runs out</h3>
      <div className="wf-runouts">
        {result.tiers.map((t) => (
          <RunOutChart key={t.tier} outcome={t} trials={result.trials} title={TIER_LABELS[t.tier]} />
        ))}
      </div>
      {policy ? (
        <>
          <h3>Error-budget policy of the {TIER_LABELS[policy.tier]}</h3>
          <dl className="wf-facts" data-testid="policy-facts">
            <div>
              <dt>Freeze days (P50 · P90)</dt>
              <dd>{spreadText(policy.freezeDays)}</dd>
            </div>
            <div>
              <dt>Deploys out · held by a freeze</dt>
              <dd>
                {Number(policy.deploys.toFixed(1))} · {Number(policy.deploysHeld.toFixed(1))}
              </dd>
            </div>
            <div>
              <dt>Deploys stop at</dt>
              <dd>{STATE_LABELS[policy.freezeAt]}</dd>
            </div>
          </dl>
          <PolicyShareChart
            policy={policy}
            windowDays={policyDays}
            summary={`Share of trials in each policy state through the window; mean days: ${Object.entries(policy.daysIn)
              .map(([s, d]) => `${STATE_LABELS[s as keyof typeof STATE_LABELS]} ${Number(d.toFixed(1))}`)
              .join(', ')}`}
          />
        </>
      ) : (
        <p className="muted">The error-budget policy does not act in this run.</p>
      )}
      {result.notes.length ? (
        <ul className="wf-notes" aria-label="How this run was made" data-testid="run-notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {result.resolved.length ? (
        <ul className="wf-resolved" aria-label="Values taken from history or the service" data-testid="resolved-values">
          {result.resolved.map((r) => (
            <li key={r.field}>
              <strong>{r.field}</strong> = {r.value}: {r.explanation}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
