import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS } from '#shared/domain/types';
import type { ReplayReport, ReplayTier } from '#shared/simulation/replay-report';
import { ReplayBurnChart, ReplayPolicyChart } from '../../charts/ReplayCharts';
import { formatPercent } from '../../charts/layout/day-axis';
import { formatUtc, formatUtcSpan } from '../../charts/layout/time-layout';

const firings = (side: ReplayReport['plain']) => side.tiers.reduce((n, t) => n + t.firings.length, 0);

const sliText = (t: ReplayTier) => (Number.isFinite(t.sli) ? `${Number((t.sli * 100).toFixed(3))} %` : 'no traffic');

/** One side's figures of a tier: SLI, met or missed, budget spent, pages and tickets. */
function SideCells({ t, side }: { t: ReplayTier; side: 'plain' | 'modified' }) {
  return (
    <>
      <td className="wf-num" data-testid={`replay-${t.tier}-${side}-sli`}>
        <strong className="wf-big">{sliText(t)}</strong>
        <span className={t.met ? 'wf-met' : 'wf-missed'}>{t.met ? 'met' : 'missed'}</span>
      </td>
      <td className="wf-num" data-testid={`replay-${t.tier}-${side}-spent`}>
        <strong className="wf-big">{formatPercent(t.budgetConsumed)}</strong>
      </td>
      <td className="wf-num" data-testid={`replay-${t.tier}-${side}-alerts`}>
        {t.pages} · {t.tickets}
      </td>
    </>
  );
}

/** A replay: per tier the history as it was beside the history with the injected events, then burn-downs, policy states and firings. */
export function ReplayResults({ report }: { report: ReplayReport }) {
  const window = { fromMs: report.fromMs, toMs: report.toMs };
  return (
    <section className="wf-replay-results" aria-label="Replay" data-testid="replay-results">
      <p className="wf-summary">
        {formatUtcSpan(report.fromMs, report.toMs)}, alerts of “{report.setName}”{report.excluding ? ', excluded periods left out' : ''}.
      </p>
      {report.injections.length ? (
        <ul className="wf-injected" aria-label="What the injected events added">
          {report.injections.map((i, n) => (
            <li key={n}>
              <strong>{i.name}</strong>: {i.occurrences} {i.occurrences === 1 ? 'time' : 'times'}, {i.addedBadEvents.toLocaleString('en-US')} bad events added
            </li>
          ))}
        </ul>
      ) : null}
      <table className="wf-table wf-replay-table" data-testid="replay-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Tier
            </th>
            <th scope="colgroup" colSpan={3}>
              As it was
            </th>
            <th scope="colgroup" colSpan={3}>
              With injected events
            </th>
          </tr>
          <tr>
            {[0, 1].flatMap((k) => [
              <th key={`sli-${k}`} scope="col">
                SLI
              </th>,
              <th key={`spent-${k}`} scope="col">
                Budget spent
              </th>,
              <th key={`alerts-${k}`} scope="col">
                Pages · tickets
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {report.plain.tiers.map((t) => {
            const m = report.modified.tiers.find((x) => x.tier === t.tier);
            return (
              <tr key={t.tier} data-testid={`replay-${t.tier}`}>
                <th scope="row">
                  {TIER_LABELS[t.tier]} <span className="wf-sub-line">{formatPpmPercent(t.targetPpm)} %</span>
                </th>
                <SideCells t={t} side="plain" />
                {m ? <SideCells t={m} side="modified" /> : <td colSpan={3}>—</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="wf-replay-charts">
        {report.plain.tiers.map((t) => {
          const m = report.modified.tiers.find((x) => x.tier === t.tier);
          return m ? <ReplayBurnChart key={t.tier} plain={t} modified={m} window={window} /> : null;
        })}
        <ReplayPolicyChart plain={report.plain.policy} modified={report.modified.policy} window={window} />
      </div>
      <details className="wf-firings-fold">
        <summary>
          {firings(report.modified)} alert firings with the injected events, {firings(report.plain)} as it was
        </summary>
        <ul className="wf-firings" data-testid="replay-firings">
          {report.modified.tiers.flatMap((t) =>
            t.firings.map((f, i) => (
              <li key={`${t.tier}-${i}`}>
                {TIER_LABELS[t.tier]}: {f.severity} · {f.speed} fired {formatUtc(f.firedMs)}
                {f.resolvedMs === null ? ', still firing' : `, resolved ${formatUtc(f.resolvedMs)}`}
              </li>
            )),
          )}
          {report.modified.tiers.every((t) => t.firings.length === 0) ? <li>No alert fired.</li> : null}
        </ul>
      </details>
    </section>
  );
}
