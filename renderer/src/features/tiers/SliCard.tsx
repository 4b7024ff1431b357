import { computeLadder } from '#shared/budget/ladder';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { TIERS, type Sli } from '#shared/domain/types';
import { kindBadge } from './kind-badge';
import { SliMeasurement } from './SliMeasurement';
import { useRename } from '../../components/useRename';
import { useApp } from '../../store/context';
import { PolicyLegend } from '../budget/PolicyLegend';
import { SliAlerts } from '../budget/SliAlerts';
import { LadderChart } from './LadderChart';
import { MethodHelp } from './MethodHelp';
import { TierRow } from './TierRow';

/** One SLI: its name and default threshold, the tier table, the warnings, the ladder with the policy legend, and its alerts. */
export function SliCard({ sli, readOnly }: { sli: Sli; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const openDialog = useApp((s) => s.openDialog);
  const service = useApp((s) => s.services.find((x) => x.id === sli.serviceId));
  const requestsPerDay = service?.requestsPerDay ?? null;
  // Calendar windows are measured over the period containing now.
  const atMs = Date.now();
  const ladder = computeLadder(sli, { atMs, requestsPerDay });
  const warned = new Set(ladder.warnings.map((w) => w.tier));
  const name = useRename(sli.name, 'SLI name', (value) => edit('sli/update', { sliId: sli.id, name: value }));

  return (
    <section className="card sli-card" aria-label={`SLI ${sli.name}`} data-testid={`sli-${sli.name}`}>
      <div className="sli-head">
        <input
          className="sli-name"
          aria-label="SLI name"
          value={name.value}
          disabled={readOnly}
          onChange={(e) => name.change(e.target.value)}
          onBlur={() => void name.commit()}
          onKeyDown={(e) => e.key === 'Enter' && void name.commit()}
        />
        <span className="badge">{kindBadge(sli)}</span>
        {readOnly ? null : (
          <button className="link danger" onClick={() => openDialog({ kind: 'confirm-delete-sli', sliId: sli.id, name: sli.name })}>
            Delete SLI
          </button>
        )}
      </div>
      {name.error ? (
        <div className="field-error" role="alert">
          {name.error}
        </div>
      ) : null}
      <SliMeasurement sli={sli} readOnly={readOnly} />
      <div className="table-scroll">
        {/* Table headers of the same shape as other tables' (ResultStep): the columns are this table's own. */}
        <table className="tiers">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Target</th>
              <th scope="col">Window</th>
              <th scope="col">Budgeting</th>
              {sli.kind === 'latency' ? <th scope="col">Threshold</th> : null}
              <th scope="col">Budget / window</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <TierRow key={tier} sli={sli} tier={tier} readOnly={readOnly} warned={warned.has(tier)} requestsPerDay={requestsPerDay} atMs={atMs} />
            ))}
          </tbody>
        </table>
      </div>
      <MethodHelp />
      {ladder.warnings.length > 0 ? (
        <ul className="warnings" data-testid={`warnings-${sli.name}`}>
          {ladder.warnings.map((w) => (
            <li key={w.rule} role="status">
              <strong>⚠ {w.rule}:</strong> {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <LadderChart sli={sli} ladder={ladder} />
      {ladder.rungs.length > 0 ? <PolicyLegend policy={service?.policy ?? DEFAULT_POLICY} compact testId={`policy-legend-${sli.id}`} /> : null}
      <SliAlerts sli={sli} atMs={atMs} />
    </section>
  );
}
