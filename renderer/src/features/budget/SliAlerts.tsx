import { useState } from 'react';
import { alertPeriodMinutes } from '#shared/budget/alerts';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS, TIERS, type Sli, type Tier } from '#shared/domain/types';
import { describeWindow } from '#shared/domain/window';
import { useApp } from '../../store/context';
import { alertTable } from './alert-table';
import { AlertsTable } from './AlertsTable';

/** The burn-rate alerts of one SLI's SLO (or, on request, of its SLA or performance target), measured over the current period. */
export function SliAlerts({ sli, atMs }: { sli: Sli; atMs: number }) {
  const alertSets = useApp((s) => s.alertSets);
  const set = TIERS.filter((t) => sli.objectives[t]);
  const [chosen, setChosen] = useState<Tier>('slo');
  const tier = set.includes(chosen) ? chosen : set.includes('slo') ? 'slo' : set[0];
  const objective = tier ? sli.objectives[tier] : undefined;
  if (!tier || !objective) return null;
  const table = alertTable(alertSets, objective.targetPpm, alertPeriodMinutes(objective.window, atMs));
  const caption = `Burn-rate alerts for the ${TIER_LABELS[tier]} (${formatPpmPercent(objective.targetPpm)} %, ${describeWindow(objective.window)})`;

  return (
    <div className="sli-alerts">
      {set.length > 1 ? (
        <div className="segmented" role="group" aria-label="Alerts for tier">
          {set.map((t) => (
            <button
              key={t}
              aria-pressed={t === tier}
              className={t === tier ? 'active' : ''}
              onClick={() => setChosen(t)}
              data-testid={`alerts-${sli.id}-show-${t}`}
            >
              {t === 'target' ? 'Target' : TIER_LABELS[t]}
            </button>
          ))}
        </div>
      ) : null}
      <AlertsTable table={table} testId={`alerts-${sli.id}`} caption={caption} />
    </div>
  );
}
