import { useApp } from '../../store/context';
import { PolicyPanel } from '../budget/PolicyPanel';
import { TrafficField } from '../budget/TrafficField';
import { DependencyPanel } from '../dependencies/DependencyPanel';
import { SliCard } from '../tiers/SliCard';
import { AddSliForm } from './AddSliForm';
import { ServiceHeader } from './ServiceHeader';

/** The selected service: its name and traffic, each SLI with its tiers, ladder and alerts, its dependencies and its budget policy. */
export function ServicePanel() {
  const service = useApp((s) => s.services.find((x) => x.id === s.selectedServiceId));
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  if (!service) {
    return (
      <main className="panel empty-panel">
        <h1>Start with a service</h1>
        <p className="lead">Add a service on the left — a user-facing system such as “checkout” or “search”. Then give it SLIs and agree their tiers.</p>
      </main>
    );
  }
  return (
    <main className="panel" aria-label={`Service ${service.name}`}>
      <ServiceHeader service={service} readOnly={readOnly} />
      <TrafficField service={service} readOnly={readOnly} />
      {service.slis.length === 0 ? <p className="muted">No SLIs yet. An SLI is what you measure: the share of good requests, or of fast ones.</p> : null}
      {service.slis.map((sli) => (
        <SliCard key={sli.id} sli={sli} readOnly={readOnly} />
      ))}
      {readOnly ? null : <AddSliForm serviceId={service.id} />}
      <DependencyPanel service={service} />
      <PolicyPanel service={service} readOnly={readOnly} />
    </main>
  );
}
