import { useMemo } from 'react';
import { useApp } from '../../store/context';
import { CeilingExplanation } from './CeilingExplanation';
import { DependencyEditor } from './DependencyEditor';
import { DependencyGraph } from './DependencyGraph';
import { buildGraphModel, STATUS_TEXT } from './graph-model';

/** The dependency screen: every service in one graph coloured by feasibility, and the selected service's ceiling and editor. */
export function DependenciesView() {
  const services = useApp((s) => s.services);
  const selectedId = useApp((s) => s.selectedServiceId);
  const select = useApp((s) => s.select);
  const model = useMemo(() => buildGraphModel(services), [services]);
  const selected = services.find((s) => s.id === selectedId) ?? null;
  const infeasible = model.nodes.filter((n) => n.status === 'infeasible').length;

  if (services.length === 0) {
    return (
      <main className="panel empty-panel">
        <h1>Dependencies</h1>
        <p className="lead">Add services first (Services &amp; tiers), then say what each one needs here.</p>
      </main>
    );
  }
  return (
    <main className="panel dependencies" aria-label="Dependencies">
      <section className="dep-graph-area">
        <div className="dep-graph-head">
          <h1>Dependencies</h1>
          <span className={infeasible > 0 ? 'badge badge-error' : 'badge'} data-testid="infeasible-count">
            {infeasible === 0 ? 'every SLO within its ceiling' : `${infeasible} SLO${infeasible === 1 ? '' : 's'} above the ceiling`}
          </span>
        </div>
        <div className="dep-legend" aria-label="Legend">
          <ul>
            <li>
              <span className="swatch swatch-feasible" aria-hidden="true" />✓ {STATUS_TEXT.feasible}
            </li>
            <li>
              <span className="swatch swatch-infeasible" aria-hidden="true" />⚠ {STATUS_TEXT.infeasible}
            </li>
            <li>
              <span className="swatch swatch-unknown" aria-hidden="true" />
              {STATUS_TEXT.unknown}
            </li>
          </ul>
          <ul>
            <li>
              <span className="line-sample" aria-hidden="true" />
              hard dependency (in series)
            </li>
            <li>
              <span className="line-sample line-dashed" aria-hidden="true" />
              redundancy group (in parallel)
            </li>
          </ul>
        </div>
        <DependencyGraph model={model} selectedId={selectedId} onSelect={select} />
        <p className="muted small">An arrow points from a service to what it needs. Click a box, or Tab to it and press Enter, to edit it.</p>
      </section>
      <aside className="dep-side" aria-label={selected ? `Dependencies of ${selected.name}` : 'No service selected'} data-testid="dependency-side">
        {selected ? (
          <>
            <h2>{selected.name}</h2>
            <CeilingExplanation service={selected} />
            <h3>Depends on</h3>
            <DependencyEditor key={selected.id} service={selected} />
          </>
        ) : (
          <p className="muted">Select a service in the graph to see its ceiling and edit what it depends on.</p>
        )}
      </aside>
    </main>
  );
}
