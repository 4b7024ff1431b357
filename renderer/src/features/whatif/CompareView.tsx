import { TIER_LABELS, TIERS } from '#shared/domain/types';
import type { StoredScenario } from '#shared/ipc/contract/simulation';
import type { SimulationResult } from '#shared/simulation/result';
import { formatPercent } from '../../charts/layout/day-axis';
import { useApp } from '../../store/context';
import { MAX_COMPARED } from '../../store/simulation-slice';
import { windowsPhrase } from '#shared/simulation/summary';
import { probabilityText, spreadText } from './whatif-format';

type Row = { key: string; label: string; cell(run: SimulationResult): string };

/** The rows of the comparison: per tier breach and budget spent, then the policy's freeze days and the pages. */
function rowsFor(runs: readonly SimulationResult[]): Row[] {
  const tiers = TIERS.filter((t) => runs.some((r) => r.tiers.some((x) => x.tier === t)));
  const of = (run: SimulationResult, tier: string) => run.tiers.find((t) => t.tier === tier);
  return [
    ...tiers.map((tier) => ({
      key: `breach-${tier}`,
      label: `${TIER_LABELS[tier]} breached`,
      cell: (run: SimulationResult) => {
        const t = of(run, tier);
        if (!t) return '—';
        const phrase = windowsPhrase(t.breach.probability, t.breach.trials);
        // The phrase gives the share itself at the extremes ("nearly every window (99.2 %)").
        return phrase.includes('%') ? phrase : `${phrase} (${probabilityText(t.breach.probability)})`;
      },
    })),
    ...tiers.map((tier) => ({
      key: `spent-${tier}`,
      label: `${TIER_LABELS[tier]} budget spent, P50`,
      cell: (run: SimulationResult) => {
        const t = of(run, tier);
        return t ? formatPercent(t.spent.p50) : '—';
      },
    })),
    { key: 'freeze', label: 'Freeze days (P50 · P90)', cell: (run) => (run.policy ? spreadText(run.policy.freezeDays) : 'policy off') },
    ...tiers.map((tier) => ({
      key: `pages-${tier}`,
      label: `${TIER_LABELS[tier]} pages per window (P50 · P90)`,
      cell: (run: SimulationResult) => {
        const t = of(run, tier);
        return t ? spreadText(t.alerts.pages) : '—';
      },
    })),
    { key: 'run', label: 'Trials · seed', cell: (run) => `${run.trials.toLocaleString('en-US')} · ${run.seed}` },
  ];
}

/** Up to four scenarios of the SLI side by side, each by its stored last run. */
export function CompareView() {
  const scenarios = useApp((s) => s.scenarios);
  const compareIds = useApp((s) => s.compareIds);
  const setCompare = useApp((s) => s.setCompare);
  const picked = compareIds.map((id) => scenarios.find((s) => s.id === id)).filter((s): s is StoredScenario => s !== undefined);
  const runs = picked.flatMap((s) => (s.lastRun ? [s.lastRun] : []));
  const rows = rowsFor(runs);
  const toggle = (id: number, on: boolean) => setCompare(on ? [...compareIds, id] : compareIds.filter((x) => x !== id));
  return (
    <section className="wf-compare panel" aria-label="Compare scenarios" data-testid="compare-view">
      <fieldset className="wf-section">
        <legend>Scenarios to compare (up to {MAX_COMPARED})</legend>
        {scenarios.length === 0 ? <p className="muted">No scenario yet: add one on the Scenario tab.</p> : null}
        {scenarios.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={compareIds.includes(s.id)}
              disabled={!compareIds.includes(s.id) && compareIds.length >= MAX_COMPARED}
              onChange={(e) => toggle(s.id, e.target.checked)}
              data-testid={`compare-pick-${s.id}`}
            />
            {s.scenario.name}
            {s.lastRun ? '' : ' (not run yet)'}
          </label>
        ))}
      </fieldset>
      {picked.length ? (
        <table className="wf-table wf-compare-table" data-testid="compare-table">
          <caption>Last stored run of each scenario</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Measure</span>
              </th>
              {picked.map((s) => (
                <th key={s.id} scope="col" data-testid="compare-column">
                  {s.scenario.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`compare-${row.key}`} className={row.key.startsWith('breach-') ? 'wf-compare-key' : undefined}>
                <th scope="row">{row.label}</th>
                {picked.map((s) => (
                  <td key={s.id} className="wf-num">
                    {s.lastRun ? row.cell(s.lastRun) : 'not run yet'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Pick scenarios above to see their last runs side by side.</p>
      )}
    </section>
  );
}
