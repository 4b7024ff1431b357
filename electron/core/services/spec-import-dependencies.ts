// The dependencies a spec names (OpenSLO's slo-workbench.dev/depends-on annotation) brought into the workspace: the
// services of an import ordered so each one depended on is imported before its dependents, and each dependency put in
// the draft of the service that depends, refused when it would close a cycle, noted when its service does not exist.
import { cycleIfAdded, edgesOf } from '#shared/budget/dependencies';
import { AppFailure } from '#shared/ipc/errors';
import type { ImportedService, ImportNote } from '#shared/specs/imported';
import type { CatalogRepo } from '../storage/repos/catalog-repo';

/** The services with every one depended on (within the import) before its dependents, else in the order given. */
export function dependencyOrder(services: readonly ImportedService[]): ImportedService[] {
  const byName = new Map(services.map((s) => [s.name.toLowerCase(), s]));
  const placed = new Set<ImportedService>();
  const visiting = new Set<ImportedService>();
  const order: ImportedService[] = [];
  const place = (s: ImportedService) => {
    if (placed.has(s) || visiting.has(s)) return; // a cycle is refused when its last edge is put
    visiting.add(s);
    for (const name of s.dependsOn) {
      const target = byName.get(name.toLowerCase());
      if (target) place(target);
    }
    visiting.delete(s);
    placed.add(s);
    order.push(s);
  };
  services.forEach(place);
  return order;
}

/** Puts the service's dependencies (hard, no redundancy group) in its draft; a name the workspace lacks becomes a note. */
export function putDependencies(repo: CatalogRepo, serviceId: number, s: ImportedService, files: string, notes: ImportNote[]): void {
  for (const name of s.dependsOn) {
    const target = repo.findServiceByName(name);
    if (!target) {
      notes.push({
        file: files,
        document: s.name,
        field: 'depends-on',
        message: `${s.name} depends on "${name}", which is not in the workspace: that dependency is not imported`,
      });
      continue;
    }
    const services = repo.listServices();
    if (services.find((x) => x.id === serviceId)?.dependencies.some((d) => d.dependsOnId === target.id)) continue;
    const cycle = cycleIfAdded(edgesOf(services), serviceId, target.id);
    if (cycle) {
      const names = new Map(services.map((x) => [x.id, x.name]));
      throw new AppFailure(
        'CONFLICT',
        `Nothing was imported: "${s.name}" cannot depend on "${target.name}": that would close the cycle ${cycle.map((id) => names.get(id)).join(' → ')}`,
        {
          field: 'files',
        },
      );
    }
    repo.putDependency(serviceId, target.id, null);
  }
}
