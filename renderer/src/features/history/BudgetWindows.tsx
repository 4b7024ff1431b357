import { useState } from 'react';
import type { WindowBudget } from '#shared/analysis/windows';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS, TIERS, type Tier } from '#shared/domain/types';
import { utcText } from '#shared/domain/utc-text';
import type { HistoryReport } from '#shared/ipc/contract';
import { useApp } from '../../store/context';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(3)} %` : '—');
const when = (ms: number) => utcText(ms, 'minute');

function ConsumedBar({ share }: { share: number }) {
  const width = Math.max(0, Math.min(1, share)) * 100;
  return (
    <svg className="consumed-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
      <rect className="consumed-track" x={0} y={0} width={100} height={12} />
      <rect className={share > 1 ? 'consumed-over' : share > 0.75 ? 'consumed-high' : 'consumed-ok'} x={0} y={0} width={width} height={12} />
    </svg>
  );
}

/**
 * Each tier's budget windows over the history (calendar periods, or consecutive rolling windows): achieved SLI, met or
 * missed, the share of the budget spent and the events that spent most of it. Choosing a window shows its burn-down.
 */
export function BudgetWindows({ report }: { report: HistoryReport }) {
  const excluding = useApp((s) => s.excluding);
  const selected = useApp((s) => s.burndownWindow);
  const select = useApp((s) => s.selectBudgetWindow);
  const tiers = TIERS.filter((t) => report.windowsByTier[t]);
  const [tier, setTier] = useState<Tier | null>(null);
  const shown = tier && tiers.includes(tier) ? tier : tiers.includes('slo') ? 'slo' : tiers[0];
  if (!shown) return null;
  const variant = excluding && report.excluding ? report.excluding : report;
  const windows: WindowBudget[] = variant.windowsByTier[shown] ?? [];
  const target = report.tiers.find((t) => t.tier === shown)?.targetPpm;
  return (
    <section className="card budget-windows" aria-labelledby="windows-title" data-testid="budget-windows">
      <div className="card-head">
        <h3 id="windows-title">Budget per window</h3>
        <div role="group" aria-label="Tier" className="segmented">
          {tiers.map((t) => (
            <button key={t} aria-pressed={t === shown} className={t === shown ? 'active' : ''} onClick={() => setTier(t)} data-testid={`windows-tier-${t}`}>
              {TIER_LABELS[t]}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">
        {TIER_LABELS[shown]} {target !== undefined ? `${formatPpmPercent(target)} %` : ''}
        {excluding && report.excluding ? ', excluded periods left out' : ''}. Choose a window to see its burn-down.
      </p>
      <table className="data-table windows-table">
        <thead>
          <tr>
            <th>Window</th>
            <th>Achieved</th>
            <th>Result</th>
            <th>Budget spent</th>
            <th>Largest events</th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => {
            const isSelected = selected?.tier === shown && selected.startMs === w.startMs;
            return (
              <tr key={w.startMs} className={isSelected ? 'selected' : ''} data-testid="budget-window">
                <th scope="row">
                  <button className="link" aria-pressed={isSelected} onClick={() => select(isSelected ? null : { tier: shown, startMs: w.startMs })}>
                    {w.label}
                    {w.complete ? '' : ' (partial)'}
                  </button>
                </th>
                <td>{pct(w.sli)}</td>
                <td className={w.met ? 'good' : 'bad'}>{w.met ? 'met' : 'missed'}</td>
                <td className="spent">
                  <ConsumedBar share={w.budgetConsumed} /> {Math.round(w.budgetConsumed * 1000) / 10} %
                </td>
                <td>
                  {w.topEvents.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    w.topEvents.map((e) => (
                      <div key={e.startMs}>
                        {when(e.startMs)} · {Math.round(e.budgetShare * 1000) / 10} %
                      </div>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
