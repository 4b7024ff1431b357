// An open workspace held in memory behind a FakeCore: the catalog, the team's alert sets and the undo history, edited
// through the same channels and refused in the same words as the core's catalog and reliability services.
import { DEFAULT_ALERT_SETS, type AlertWindowSet } from '#shared/budget/alerts';
import { cycleIfAdded, edgesOf } from '#shared/budget/dependencies';
import { TIER_LABELS, type Service, type Sli } from '#shared/domain/types';
import { duplicateServiceMessage, duplicateSliMessage } from '#shared/domain/validation';
import type { AlertSetList, HostInfo, WorkspaceState } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { FakeCore } from './fake-core';
import { NO_SLI_DETAILS } from '#shared/domain/types';

/** What a test starts the workspace with. */
export type WorkspaceSeed = {
  services: Service[];
  customAlertSets?: (AlertWindowSet & { id: number })[];
  readOnly?: boolean;
  host?: HostInfo['host'];
  fileAccess?: HostInfo['fileAccess'];
};

type Snapshot = { label: string; services: Service[]; custom: (AlertWindowSet & { id: number })[] };

const copy = <T>(value: T): T => structuredClone(value);

/** The catalog of one open workspace, answering the catalog, dependency, alert-set, undo and workspace channels. */
export class FakeWorkspace {
  services: Service[];
  custom: (AlertWindowSet & { id: number })[];
  readonly readOnly: boolean;
  private readonly undoStack: Snapshot[] = [];
  private readonly redoStack: Snapshot[] = [];
  private nextId = 1000;

  constructor(core: FakeCore, seed: WorkspaceSeed) {
    this.services = copy(seed.services);
    this.custom = copy(seed.customAlertSets ?? []);
    this.readOnly = seed.readOnly ?? false;
    const host: HostInfo = { host: seed.host ?? 'browser', version: '0.1.0', fileAccess: seed.fileAccess ?? 'folder' };
    core
      .answer('app/info', () => host)
      .answer('workspace/state', () => this.state())
      .answer('workspace/recent', () => [{ id: 'r1', name: 'payments.slowb', location: 'payments.slowb', exists: true }])
      .answer('catalog/list', () => copy(this.services))
      .answer('alerts/list-sets', () => this.alertSets())
      .answer('service/create', (a) =>
        this.edit(`Add service "${a.name}"`, () => {
          if (this.services.some((s) => s.name.toLowerCase() === a.name.toLowerCase())) {
            throw new AppFailure('CONFLICT', duplicateServiceMessage(a.name), { field: 'name' });
          }
          const service: Service = {
            id: this.nextId++,
            name: a.name,
            owner: a.owner,
            description: a.description,
            requestsPerDay: null,
            dependencies: [],
            policy: null,
            slis: [],
          };
          this.services.push(service);
          return copy(service);
        }),
      )
      .answer('service/delete', (a) =>
        this.edit(`Delete service "${this.service(a.serviceId).name}"`, () => {
          this.services = this.services
            .filter((s) => s.id !== a.serviceId)
            .map((s) => ({ ...s, dependencies: s.dependencies.filter((d) => d.dependsOnId !== a.serviceId) }));
          return { serviceId: a.serviceId };
        }),
      )
      .answer('sli/create', (a) => {
        const service = this.service(a.serviceId);
        return this.edit(`Add SLI "${a.name}" to "${service.name}"`, () => {
          if (service.slis.some((s) => s.name.toLowerCase() === a.name.toLowerCase())) {
            throw new AppFailure('CONFLICT', duplicateSliMessage(a.name, service.name), { field: 'name' });
          }
          const sli: Sli = {
            id: this.nextId++,
            serviceId: service.id,
            name: a.name,
            kind: a.kind,
            latencyThresholdMs: a.latencyThresholdMs,
            ...NO_SLI_DETAILS,
            freshnessMaxAgeMs: a.freshnessMaxAgeMs ?? null,
            wording: a.wording ?? null,
            queries: a.queries ?? null,
            histogram: a.histogram ?? null,
            objectives: {},
          };
          service.slis.push(sli);
          return copy(sli);
        });
      })
      .answer('sli/delete', (a) =>
        this.edit(`Delete SLI "${this.sli(a.sliId).name}"`, () => {
          for (const s of this.services) s.slis = s.slis.filter((x) => x.id !== a.sliId);
          return { sliId: a.sliId };
        }),
      )
      .answer('service/set-policy', (a) =>
        this.edit(`Set the budget policy of "${this.service(a.serviceId).name}"`, () => {
          this.service(a.serviceId).policy = a.policy;
          return copy(this.service(a.serviceId));
        }),
      )
      .answer('service/rename', (a) =>
        this.edit(`Rename service "${this.service(a.serviceId).name}" to "${a.name}"`, () => {
          const clash = this.services.find((s) => s.name.toLowerCase() === a.name.toLowerCase() && s.id !== a.serviceId);
          if (clash) throw new AppFailure('CONFLICT', duplicateServiceMessage(a.name), { field: 'name' });
          this.service(a.serviceId).name = a.name;
          return copy(this.service(a.serviceId));
        }),
      )
      .answer('service/set-traffic', (a) =>
        this.edit(`Set the traffic of "${this.service(a.serviceId).name}"`, () => {
          this.service(a.serviceId).requestsPerDay = a.requestsPerDay;
          return copy(this.service(a.serviceId));
        }),
      )
      .answer('sli/update', (a) =>
        this.edit(`Edit SLI "${this.sli(a.sliId).name}"`, () => {
          const sli = this.sli(a.sliId);
          if (a.name !== undefined) sli.name = a.name;
          if (a.latencyThresholdMs !== undefined) sli.latencyThresholdMs = a.latencyThresholdMs;
          if (a.freshnessMaxAgeMs !== undefined) sli.freshnessMaxAgeMs = a.freshnessMaxAgeMs;
          if (a.wording !== undefined) sli.wording = a.wording;
          if (a.queries !== undefined) sli.queries = a.queries;
          if (a.histogram !== undefined) sli.histogram = a.histogram;
          return copy(sli);
        }),
      )
      .answer('objective/set', (a) =>
        this.edit(`Set ${TIER_LABELS[a.tier]} of "${this.sli(a.sliId).name}"`, () => {
          const sli = this.sli(a.sliId);
          const { sliId: _sliId, ...objective } = a;
          sli.objectives[a.tier] = objective;
          return copy(sli);
        }),
      )
      .answer('objective/clear', (a) =>
        this.edit(`Clear ${TIER_LABELS[a.tier]} of "${this.sli(a.sliId).name}"`, () => {
          const sli = this.sli(a.sliId);
          delete sli.objectives[a.tier];
          return copy(sli);
        }),
      )
      .answer('dependency/add', (a) => {
        const service = this.service(a.serviceId);
        const target = this.service(a.dependsOnId);
        const cycle = cycleIfAdded(edgesOf(this.services), service.id, target.id);
        if (cycle) {
          const path = cycle.map((id) => this.service(id).name).join(' → ');
          throw new AppFailure('CONFLICT', `"${service.name}" cannot depend on "${target.name}": that would close the cycle ${path}`, { field: 'dependsOnId' });
        }
        return this.edit(`Make "${service.name}" depend on "${target.name}"`, () => {
          const edges = service.dependencies.filter((d) => d.dependsOnId !== target.id);
          service.dependencies = [...edges, { dependsOnId: target.id, redundancyGroup: a.redundancyGroup }].sort((x, y) => x.dependsOnId - y.dependsOnId);
          return copy(service);
        });
      })
      .answer('dependency/remove', (a) =>
        this.edit(`Remove the dependency of "${this.service(a.serviceId).name}"`, () => {
          const service = this.service(a.serviceId);
          service.dependencies = service.dependencies.filter((d) => d.dependsOnId !== a.dependsOnId);
          return copy(service);
        }),
      )
      .answer('alerts/save-set', (a) =>
        this.edit(`Save alert set "${a.set.name}"`, () => {
          const id = a.id ?? this.nextId++;
          this.custom = [...this.custom.filter((s) => s.id !== id), { ...a.set, id }];
          return this.alertSets();
        }),
      )
      .answer('alerts/delete-set', (a) =>
        this.edit('Delete alert set', () => {
          this.custom = this.custom.filter((s) => s.id !== a.id);
          return this.alertSets();
        }),
      )
      .answer('edit/undo', () => this.step(this.undoStack, this.redoStack))
      .answer('edit/redo', () => this.step(this.redoStack, this.undoStack));
  }

  /** The workspace as the toolbar sees it. */
  state(): WorkspaceState {
    return {
      workspace: {
        name: 'payments',
        location: 'payments.slowb',
        readOnly: this.readOnly,
        readOnlyReason: this.readOnly ? 'payments.slowb cannot be written: the file is read-only. It is open read-only.' : null,
        schemaVersion: 6,
      },
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /** A stored service, or the core's NOT_FOUND. */
  service(id: number): Service {
    const service = this.services.find((s) => s.id === id);
    if (!service) throw new AppFailure('NOT_FOUND', `There is no service with id ${id}`, { field: 'serviceId' });
    return service;
  }

  /** A stored SLI, or the core's NOT_FOUND. */
  sli(id: number): Sli {
    const sli = this.services.flatMap((s) => s.slis).find((s) => s.id === id);
    if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${id}`, { field: 'sliId' });
    return sli;
  }

  private alertSets(): AlertSetList {
    return { builtIn: [...DEFAULT_ALERT_SETS], custom: copy(this.custom) };
  }

  private edit<T>(label: string, change: () => T): T {
    if (this.readOnly) throw new AppFailure('READ_ONLY', 'payments.slowb is open read-only; nothing was saved');
    const before: Snapshot = { label, services: copy(this.services), custom: copy(this.custom) };
    const value = change();
    this.undoStack.push(before);
    this.redoStack.length = 0;
    return value;
  }

  private step(from: Snapshot[], to: Snapshot[]): WorkspaceState {
    const snapshot = from.pop();
    if (!snapshot) throw new AppFailure('NOTHING_TO_UNDO', 'There is nothing to undo');
    to.push({ label: snapshot.label, services: copy(this.services), custom: copy(this.custom) });
    this.services = snapshot.services;
    this.custom = snapshot.custom;
    return this.state();
  }
}
