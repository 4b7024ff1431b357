import { useEffect } from 'react';
import { TIER_LABELS } from '#shared/domain/types';
import { useApp } from '../../store/context';
import { BacktestPanel } from './BacktestPanel';
import { BudgetWindows } from './BudgetWindows';
import { ChartsPanel } from './ChartsPanel';
import { ExclusionsPanel } from './ExclusionsPanel';
import { FitPanel } from './FitPanel';
import { ImportsList } from './ImportsList';
import { NamedOptions } from '../../components/Options';

const WINDOW_CHOICES = [1, 7, 28, 30, 90] as const;

/**
 * The History screen for one SLI: import history, see the SLI over time against its tiers, how often each tier would
 * have been met, the budget per window, exclusions, and the alert backtest.
 */
export function HistoryView() {
  const services = useApp((s) => s.services);
  const selectedServiceId = useApp((s) => s.selectedServiceId);
  const selectService = useApp((s) => s.select);
  const sliId = useApp((s) => s.historySliId);
  const selectSli = useApp((s) => s.selectHistorySli);
  const report = useApp((s) => s.report);
  const error = useApp((s) => s.historyError);
  const loading = useApp((s) => s.historyLoading);
  const windowDays = useApp((s) => s.windowDays);
  const setWindowDays = useApp((s) => s.setWindowDays);
  const excluding = useApp((s) => s.excluding);
  const setExcluding = useApp((s) => s.setExcluding);
  const openDialog = useApp((s) => s.openDialog);
  const setSeries = useApp((s) => s.setSeries);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const service = services.find((s) => s.id === selectedServiceId) ?? services[0];
  const sli = service?.slis.find((x) => x.id === sliId);

  // Follow the service chosen elsewhere: show its first SLI unless one of its SLIs is already shown.
  useEffect(() => {
    if (service && !service.slis.some((x) => x.id === sliId)) selectSli(service.slis[0]?.id ?? null);
  }, [service, sliId, selectSli]);

  if (!service) return <main className="panel muted history-empty">Add a service on the Services screen first.</main>;
  return (
    <main className="history" data-testid="history-view">
      <div className="history-bar" role="toolbar" aria-label="History">
        <label className="field">
          <span>Service</span>
          <select value={service.id} onChange={(e) => selectService(Number(e.target.value))} data-testid="history-service">
            <NamedOptions items={services} />
          </select>
        </label>
        <label className="field">
          <span>SLI</span>
          <select value={sli?.id ?? ''} onChange={(e) => selectSli(Number(e.target.value))} data-testid="history-sli" disabled={service.slis.length === 0}>
            <NamedOptions items={service.slis} />
          </select>
        </label>
        <label className="field">
          <span>Rolling window</span>
          <select value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))} data-testid="history-window">
            {WINDOW_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? '1 day' : `${d} days`}
              </option>
            ))}
          </select>
        </label>
        {report && report.available.length > 1 ? (
          <label className="field history-series">
            <span>Series</span>
            <select value={report.seriesId} onChange={(e) => setSeries(Number(e.target.value))} data-testid="history-series">
              {report.available.map((c) => (
                <option key={c.seriesId} value={c.seriesId}>
                  {c.name} ({c.fileName})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={excluding} onChange={(e) => setExcluding(e.target.checked)} data-testid="history-excluding" />
          Leave excluded periods out
        </label>
        {sli && !readOnly ? (
          <button className="primary" onClick={() => openDialog({ kind: 'import', sliId: sli.id })} data-testid="history-import">
            Import history…
          </button>
        ) : null}
        {loading ? (
          <span className="muted" role="status">
            Analysing…
          </span>
        ) : null}
      </div>
      {!sli ? <p className="panel muted">{service.name} has no SLI yet; add one on the Services screen.</p> : null}
      {error ? (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      ) : null}
      {sli && !report && !loading && !error ? (
        <section className="panel history-empty" data-testid="history-empty">
          <h2>
            No history for {service.name} / {sli.name} yet
          </h2>
          <p>
            Import a CSV export, a Prometheus query_range file or a live Prometheus, an access log or an uptime checker's history. You will see how{' '}
            {Object.keys(sli.objectives).length
              ? Object.keys(sli.objectives)
                  .map((t) => TIER_LABELS[t as keyof typeof TIER_LABELS])
                  .join(', ')
              : 'your tiers'}{' '}
            would have fared, and a target the history supports.
          </p>
          {!readOnly ? (
            <button className="primary" onClick={() => openDialog({ kind: 'import', sliId: sli.id })}>
              Import history…
            </button>
          ) : null}
        </section>
      ) : null}
      {sli && report ? (
        <div className="history-grid">
          <ChartsPanel sli={sli} />
          <FitPanel report={report} service={service} sli={sli} />
          <BudgetWindows report={report} />
          <BacktestPanel sli={sli} />
          <ExclusionsPanel serviceId={service.id} sli={sli} />
          <ImportsList />
        </div>
      ) : sli ? (
        <ImportsList />
      ) : null}
    </main>
  );
}
