import { countingPhrase } from '#shared/analysis/history';
import { thresholdsPhrase } from '#shared/analysis/latency';
import type { TrafficEstimate } from '#shared/analysis/traffic';
import { formatPpmPercent } from '#shared/domain/percent';
import { METHOD_LABELS, TIER_LABELS, type Service, type Sli } from '#shared/domain/types';
import type { HistoryReport } from '#shared/ipc/contract';
import { useApp } from '../../store/context';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(3)} %` : '—');
const share = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * How each tier would have fared over the history (share of past rolling windows met), with and without the
 * exclusions, the recommended target with its explanation, and the traffic the history shows.
 */
export function FitPanel({ report, service, sli }: { report: HistoryReport; service: Service; sli: Sli }) {
  const edit = useApp((s) => s.edit);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const x = report.excluding;
  const rec = (x ?? report).recommendation;
  const stretch = (x ?? report).stretch;
  const slo = sli.objectives.slo;
  const target = sli.objectives.target;
  // A tier set from the history keeps that tier's window and method, or else the SLO's, or the analysed window.
  const apply = (tier: 'slo' | 'target', targetPpm: number) => {
    const like = sli.objectives[tier] ?? slo;
    void edit('objective/set', {
      sliId: sli.id,
      tier,
      targetPpm,
      window: like?.window ?? { kind: 'rolling', days: report.windowDays },
      method: like?.method ?? 'occurrences',
      timeslice: like?.timeslice ?? null,
      latencyThresholdMs: like?.latencyThresholdMs ?? null,
    });
  };
  return (
    <section className="card fit" aria-labelledby="fit-title" data-testid="fit-panel">
      <h3 id="fit-title">How the tiers would have fared</h3>
      <p className="muted" data-testid="fit-counting">
        Over the {report.windows.toLocaleString('en')} complete {report.windowDays}-day windows ending at each{' '}
        {report.method === 'occurrences' ? 'sample' : 'slice'} of {report.fileName} (overlapping), counted {countingPhrase(report)}
        {report.method === 'occurrences' ? '' : ' as the SLO counts'}. Overall {pct(report.overall)}; worst window {pct(report.worst)}.
      </p>
      {report.latency ? (
        <p className="muted" data-testid="fit-latency">
          Latency judged at each tier’s own threshold: {thresholdsPhrase(report.latency)}.
        </p>
      ) : null}
      {report.latencyWarning ? (
        <p className="field-error" role="note" data-testid="fit-latency-warning">
          {report.latencyWarning}
        </p>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>Tier</th>
            <th>Target</th>
            <th>Windows met, all data</th>
            {x ? <th>Without exclusions</th> : null}
          </tr>
        </thead>
        <tbody>
          {report.tiers.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                Set a tier on the Services screen to compare it with the history.
              </td>
            </tr>
          ) : null}
          {report.tiers.map((t) => {
            const ex = x?.tiers.find((e) => e.tier === t.tier);
            return (
              <tr key={t.tier} data-testid={`fit-${t.tier}`}>
                <th scope="row">
                  {TIER_LABELS[t.tier]}
                  {t.method === report.method ? null : (
                    <span className="muted">
                      {' '}
                      ({METHOD_LABELS[t.method]}, worst {pct(t.worst)})
                    </span>
                  )}
                </th>
                <td>{formatPpmPercent(t.targetPpm)} %</td>
                <td className={t.share >= 0.95 ? 'good' : t.share >= 0.8 ? 'warn' : 'bad'} data-testid={`fit-${t.tier}-all`}>
                  {share(t.share)}{' '}
                  <span className="muted">
                    ({t.met.toLocaleString('en')} of {t.windows.toLocaleString('en')})
                  </span>
                </td>
                {x ? (
                  <td className={ex && ex.share >= 0.95 ? 'good' : ex && ex.share >= 0.8 ? 'warn' : 'bad'} data-testid={`fit-${t.tier}-excluding`}>
                    {ex ? `${share(ex.share)} (${ex.met.toLocaleString('en')} of ${ex.windows.toLocaleString('en')})` : '—'}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rec ? (
        <div className="recommendation" data-testid="recommendation">
          <div className="recommendation-target">
            Achievable SLO: <strong>{formatPpmPercent(rec.targetPpm)} %</strong>
            {x ? <span className="muted"> (without exclusions)</span> : null}
          </div>
          <p>{rec.explanation}</p>
          {!readOnly && slo?.targetPpm !== rec.targetPpm ? (
            <button onClick={() => apply('slo', rec.targetPpm)} data-testid="apply-recommendation">
              Use {formatPpmPercent(rec.targetPpm)} % as the SLO
            </button>
          ) : null}
          {stretch && stretch.targetPpm > rec.targetPpm ? (
            <div className="stretch" data-testid="stretch-recommendation">
              <div className="recommendation-target">
                Performance target to aim for: <strong>{formatPpmPercent(stretch.targetPpm)} %</strong>
              </div>
              <p>{stretch.explanation}</p>
              {!readOnly && target?.targetPpm !== stretch.targetPpm ? (
                <button onClick={() => apply('target', stretch.targetPpm)} data-testid="apply-stretch">
                  Use {formatPpmPercent(stretch.targetPpm)} % as the performance target
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <p className="muted">The history is shorter than one {report.windowDays}-day window, so there is no recommendation yet.</p>
      )}
      {x ? (
        <p className="muted">
          Exclusions left out {x.droppedSamples.toLocaleString('en')} samples ({x.exclusions} exclusion{x.exclusions === 1 ? '' : 's'}).
        </p>
      ) : null}
      <TrafficHint traffic={report.traffic} service={service} readOnly={readOnly} />
    </section>
  );
}

/**
 * Traffic from the history for the bad-event budgets: the figure with the import it comes from and a button to use it,
 * or, when the source counts no requests (an Upptime history's minutes, one reading per sample), why there is none.
 */
function TrafficHint({ traffic, service, readOnly }: { traffic: TrafficEstimate; service: Service; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  if (!traffic.proposed)
    return (
      <p className="traffic-hint muted" data-testid="traffic-hint">
        {traffic.explanation}
      </p>
    );
  const requestsPerDay = Math.round(traffic.requestsPerDay);
  return (
    <div className="traffic-hint" data-testid="traffic-hint">
      <span>{traffic.explanation}</span>
      {!readOnly && service.requestsPerDay !== requestsPerDay ? (
        <button onClick={() => void edit('service/set-traffic', { serviceId: service.id, requestsPerDay })} data-testid="apply-traffic">
          Use as {service.name}'s traffic
        </button>
      ) : (
        <span className="muted">(in use for bad-event budgets)</span>
      )}
    </div>
  );
}
