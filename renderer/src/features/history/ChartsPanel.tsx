import { TIER_LABELS, type Sli } from '#shared/domain/types';
import { BurnDownChart } from '../../charts/BurnDownChart';
import { SliChart } from '../../charts/SliChart';
import { useApp } from '../../store/context';
import { chartedTiers } from './latency-chart';

/** The SLI over time with its tiers, exclusions and SLO pages/tickets; and the burn-down of the budget window chosen below. */
export function ChartsPanel({ sli }: { sli: Sli }) {
  const chart = useApp((s) => s.chart);
  const backtest = useApp((s) => s.backtest);
  const setZoom = useApp((s) => s.setZoom);
  const burndown = useApp((s) => s.burndown);
  const services = useApp((s) => s.services);
  const policy = services.find((s) => s.id === sli.serviceId)?.policy ?? null;
  const reference = backtest?.tiers.find((t) => t.tier === 'slo') ?? backtest?.tiers[0] ?? null;
  const drawn = chartedTiers(sli, chart?.latencyThresholdMs);
  return (
    <section className="card charts wide" aria-labelledby="charts-title">
      <h3 id="charts-title">{sli.name} over time</h3>
      <p className="muted">
        Thin line: each sample. Thick line: achieved SLI over the trailing {chart?.windowDays ?? 30} days. Drag to zoom, scroll to zoom around the pointer,
        double-click to reset.
        {reference ? ` Marks below: ${TIER_LABELS[reference.tier]} pages and tickets from the backtest.` : ''}
        {chart ? (
          <>
            {' '}
            <span data-testid="chart-samples">{chart.samples.toLocaleString('en')}</span> samples in view.
          </>
        ) : null}
        {drawn.note ? (
          <>
            {' '}
            <span data-testid="chart-latency">{drawn.note}</span>
          </>
        ) : null}
      </p>
      {chart ? <SliChart data={chart} sli={drawn.sli} onZoom={setZoom} firings={reference?.firings ?? null} /> : <p className="muted">Drawing…</p>}
      {burndown ? (
        <div className="burndown" data-testid="burndown">
          <h4>
            Budget burn-down: {TIER_LABELS[burndown.tier]}, {burndown.label}
          </h4>
          <BurnDownChart burnDown={burndown} policy={policy} />
        </div>
      ) : null}
    </section>
  );
}
