import type { Service } from '#shared/domain/types';
import { CeilingExplanation } from './CeilingExplanation';
import { DependencyEditor } from './DependencyEditor';

/** The compact dependency card of the service panel: the ceiling with its warning, and the dependency editor. */
export function DependencyPanel({ service }: { service: Service }) {
  return (
    <section className="card dep-panel" aria-label={`Dependencies of ${service.name}`} data-testid="dependency-panel">
      <h2>Dependencies</h2>
      <CeilingExplanation service={service} />
      <DependencyEditor key={service.id} service={service} />
    </section>
  );
}
