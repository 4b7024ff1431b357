import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS } from '#shared/domain/types';
import { CAUSE_LABELS, type SimulationResult } from '#shared/simulation/result';
import { windowsPhrase } from '#shared/simulation/summary';
import { estimateText, spentText, spreadText } from './whatif-format';

/** Per tier: the chance of breaching in one window (as "in 1 window out of 8" and with its 95 % interval), budget spent, pages and tickets, and what spent most. */
export function BreachTable({ result }: { result: SimulationResult }) {
  return (
    <table className="wf-table wf-breach" data-testid="breach-table">
      <caption>
        Breach per tier, over {result.trials.toLocaleString('en-US')} simulated windows (seed {result.seed}); spreads are P50 · P90 of one window
      </caption>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col">Breached</th>
          <th scope="col">Budget spent</th>
          <th scope="col">Pages</th>
          <th scope="col">Tickets</th>
          <th scope="col">Spent most</th>
        </tr>
      </thead>
      <tbody>
        {result.tiers.map((t) => (
          <tr key={t.tier} data-testid={`breach-${t.tier}`} className={`wf-tier-${t.tier}`}>
            <th scope="row">
              <span className={`tier-name tier-${t.tier}`}>{TIER_LABELS[t.tier]}</span>
              <span className="wf-sub-line">
                {formatPpmPercent(t.targetPpm)} % · {t.windowLabel}
              </span>
            </th>
            <td>
              <strong className="wf-big" data-testid={`breach-${t.tier}-windows`}>
                {windowsPhrase(t.breach.probability, t.breach.trials)}
              </strong>
              <span className="wf-sub-line" data-testid={`breach-${t.tier}-estimate`}>
                {estimateText(t.breach)}
              </span>
            </td>
            <td className="wf-num" data-testid={`breach-${t.tier}-spent`}>
              {spentText(t.spent)}
            </td>
            <td className="wf-num" data-testid={`breach-${t.tier}-pages`}>
              {spreadText(t.alerts.pages)}
            </td>
            <td className="wf-num">{spreadText(t.alerts.tickets)}</td>
            <td>{t.topCause ? CAUSE_LABELS[t.topCause] : 'nothing spent'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
