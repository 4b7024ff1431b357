import { eventsCountedPhrase } from '#shared/analysis/backtest';
import { formatDuration } from '#shared/budget/alerts';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS, type Sli } from '#shared/domain/types';
import { FiringsTimeline } from '../../charts/FiringsTimeline';
import { useApp } from '../../store/context';

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const mins = (ms: number) => formatDuration(Math.max(1, Math.round(ms / 60_000)));
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The alert backtest: each tier's multi-window burn-rate alerts replayed over the history; how many pages and tickets,
 * when they fired and resolved, and how long each budget-eating event took to be noticed (or that it was missed).
 * A time-slice tier's events are counted in its slices, as the tier counts, and the panel says so.
 */
export function BacktestPanel({ sli }: { sli: Sli }) {
  const backtest = useApp((s) => s.backtest);
  const chart = useApp((s) => s.chart);
  if (!backtest) return null;
  return (
    <section className="card backtest wide" aria-labelledby="backtest-title" data-testid="backtest-panel">
      <h3 id="backtest-title">Alert backtest</h3>
      <p className="muted">
        The alert set “{backtest.setName}” replayed over the history of {sli.name}
        {backtest.excluding ? ', excluded periods left out' : ''}. A page or ticket fires when both its long and its short window burn the budget faster than
        its factor.
      </p>
      {backtest.tiers.length === 0 ? <p className="muted">Set a tier to backtest its alerts.</p> : null}
      {backtest.tiers.map((t) => (
        <div key={t.tier} className="backtest-tier" data-testid={`backtest-${t.tier}`}>
          <h4>
            {TIER_LABELS[t.tier]} {formatPpmPercent(t.targetPpm)} %:{' '}
            <span data-testid={`backtest-${t.tier}-summary`}>
              {t.pages} page{t.pages === 1 ? '' : 's'}, {t.tickets} ticket{t.tickets === 1 ? '' : 's'}; {t.events.length} budget-eating event
              {t.events.length === 1 ? '' : 's'}, {t.missed} missed{t.medianDelayMs === null ? '' : `; median detection ${mins(t.medianDelayMs)}`}
            </span>
            {t.setName === backtest.setName ? null : (
              <span className="muted" data-testid={`backtest-${t.tier}-set`}>
                {' '}
                · alert set “{t.setName}”
              </span>
            )}
          </h4>
          {eventsCountedPhrase(t, TIER_LABELS[t.tier]) ? (
            <p className="muted" data-testid={`backtest-${t.tier}-counting`}>
              {capitalised(eventsCountedPhrase(t, TIER_LABELS[t.tier])!)}: an event is a run of bad slices, its share of the bad slices one period allows.
            </p>
          ) : null}
          {chart && t.tier === 'slo' ? <FiringsTimeline backtest={t} view={chart.view} /> : null}
          {t.events.length > 0 ? (
            <table className="data-table">
              <thead>
                <tr>
                  <th>Event (UTC)</th>
                  <th>Budget of one period</th>
                  <th>Worst SLI</th>
                  <th>Detected</th>
                </tr>
              </thead>
              <tbody>
                {t.events.slice(0, 10).map((e) => (
                  <tr key={e.startMs}>
                    <td>
                      {when(e.startMs)} → {when(e.endMs)}
                    </td>
                    <td>{(e.budgetShare * 100).toFixed(1)} %</td>
                    <td>{(e.worstSli * 100).toFixed(2)} %</td>
                    <td className={e.detectedBy ? 'good' : 'bad'}>{e.detectedBy ? `${e.detectedBy} after ${mins(e.delayMs ?? 0)}` : 'missed'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {t.firings.length > 0 ? (
            <details>
              <summary>
                {t.firings.length} alert episode{t.firings.length === 1 ? '' : 's'}
              </summary>
              <ul className="firing-list">
                {t.firings.map((f) => (
                  <li key={`${f.severity}-${f.speed}-${f.firedMs}`}>
                    <span className={`firing-chip chip-${f.severity}`}>
                      {f.severity} · {f.speed}
                    </span>{' '}
                    fired {when(f.firedMs)},{' '}
                    {f.resolvedMs === null ? 'still firing at the end' : `resolved ${when(f.resolvedMs)} (${mins(f.resolvedMs - f.firedMs)})`}; peak burn{' '}
                    {f.peakBurnRate.toFixed(1)}×
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}
