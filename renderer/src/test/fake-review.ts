// A service's review behind a FakeCore: versions proposed from the fake workspace's catalog, sign-offs judged by the
// shared approval rule, comments, required roles and review periods, each change announced as the core announces it
// (review-changed). The clock stands still on 2026-12-07; a test may move it to see a review fall overdue.
import { TIERS, type Service, type Tier } from '#shared/domain/types';
import { utcText } from '#shared/domain/utc-text';
import type { ServiceReviewStatus, ServiceVersions, VersionSignoffs, VersionSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { approvalOf, approvedOn } from '#shared/review/approval';
import { DEFAULT_REVIEW_MONTHS, reviewSchedule } from '#shared/review/cadence';
import { diffVersions } from '#shared/review/diff';
import type { TierImpact } from '#shared/review/impact';
import { DEFAULT_REQUIRED_ROLES, type ReviewComment, type Signoff } from '#shared/review/types';
import type { FakeCore } from './fake-core';
import type { FakeWorkspace } from './fake-workspace';

type StoredVersion = { id: number; serviceId: number; number: number; rationale: string; createdMs: number; service: Service };

const copy = <T>(value: T): T => structuredClone(value);

/** The review channels over a fake workspace's services. */
export class FakeReview {
  nowMs = Date.UTC(2026, 11, 7, 9, 30);
  roles: string[] = [...DEFAULT_REQUIRED_ROLES];
  readonly versions: StoredVersion[] = [];
  readonly signoffs: Signoff[] = [];
  readonly comments: ReviewComment[] = [];
  readonly periods = new Map<string, number>();
  /** The historical impact lines the next diffs carry, as the core works them out from imported history. */
  impact: TierImpact[] = [];
  private nextId = 900;

  constructor(
    private readonly core: FakeCore,
    private readonly workspace: FakeWorkspace,
  ) {
    core
      .answer('proposal/list', (a) => this.list(a.serviceId))
      .answer('proposal/create', (a) => {
        const service = this.service(a.serviceId);
        const list = this.list(service.id);
        if (!list.draft.changed) throw new AppFailure('CONFLICT', `${service.name} has not changed since version ${list.draft.since}`, { field: 'serviceId' });
        const number = list.versions.length + 1;
        this.versions.push({ id: this.nextId++, serviceId: service.id, number, rationale: a.rationale, createdMs: this.nowMs, service: copy(service) });
        this.announce(service.id);
        return this.summary(this.version(service.id, number));
      })
      .answer('proposal/diff', (a) => {
        const service = this.service(a.serviceId);
        const from = this.version(service.id, a.from).service;
        const to = a.to === null ? service : this.version(service.id, a.to).service;
        const changes = diffVersions({ service: from, alertSets: [] }, { service: to, alertSets: [] });
        return { serviceId: service.id, serviceName: service.name, from: a.from, to: a.to, changes, impact: this.impact, notes: [] };
      })
      .answer('signoff/list', (a) => this.signoffsOf(a.serviceId, a.version))
      .answer('signoff/add', (a) => {
        const version = this.version(a.serviceId, a.version);
        const today = utcText(this.nowMs, 'day');
        const date = a.date ?? today;
        if (date > today) throw new AppFailure('INVALID_ARGUMENT', `A sign-off cannot be dated ${date}, after today (${today})`, { field: 'date' });
        this.signoffs.push({ id: this.nextId++, versionId: version.id, name: a.name, role: a.role, decision: a.decision, rationale: a.rationale, date });
        this.announce(a.serviceId);
        return this.signoffsOf(a.serviceId, a.version);
      })
      .answer('comment/list', (a) => this.comments.filter((c) => c.versionId === this.version(a.serviceId, a.version).id))
      .answer('comment/add', (a) => {
        const comment = { id: this.nextId++, versionId: this.version(a.serviceId, a.version).id, author: a.author, text: a.text, createdMs: this.nowMs };
        this.comments.push(comment);
        this.announce(a.serviceId);
        return comment;
      })
      .answer('roles/list', () => [...this.roles])
      .answer('roles/set', (a) => {
        this.roles = [...a.roles];
        this.announce(null);
        return [...this.roles];
      })
      .answer('review/status', (a) => {
        const services = (a.serviceId === null ? this.workspace.services : [this.service(a.serviceId)]).map((s) => this.status(s.id));
        return { today: utcText(this.nowMs, 'day'), services, overdue: services.filter((s) => s.overdue).length };
      })
      .answer('review/set-period', (a) => {
        if (a.months === null) this.periods.delete(`${a.serviceId}:${a.tier}`);
        else this.periods.set(`${a.serviceId}:${a.tier}`, a.months);
        this.announce(a.serviceId);
        return this.status(a.serviceId);
      });
  }

  /** Proposes a service's current plan without announcing it, as if it was proposed before the screen opened. */
  propose(serviceId: number, rationale: string, atMs = this.nowMs): void {
    const number = this.versions.filter((v) => v.serviceId === serviceId).length + 1;
    this.versions.push({ id: this.nextId++, serviceId, number, rationale, createdMs: atMs, service: copy(this.service(serviceId)) });
  }

  private announce(serviceId: number | null): void {
    this.core.emit('review-changed', { serviceId });
  }

  private service(serviceId: number): Service {
    const found = this.workspace.services.find((s) => s.id === serviceId);
    if (!found) throw new AppFailure('NOT_FOUND', `There is no service with id ${serviceId}`, { field: 'serviceId' });
    return found;
  }

  private version(serviceId: number, number: number): StoredVersion {
    const found = this.versions.find((v) => v.serviceId === serviceId && v.number === number);
    if (!found) throw new AppFailure('NOT_FOUND', `${this.service(serviceId).name} has no version ${number}`, { field: 'version' });
    return found;
  }

  private signoffsOf(serviceId: number, number: number): VersionSignoffs {
    const version = this.version(serviceId, number);
    const signoffs = this.signoffs.filter((s) => s.versionId === version.id);
    return { serviceId, number, requiredRoles: [...this.roles], signoffs: copy(signoffs), approval: approvalOf(this.roles, signoffs) };
  }

  private summary(v: StoredVersion): VersionSummary {
    const { signoffs, approval } = this.signoffsOf(v.serviceId, v.number);
    return {
      number: v.number,
      state: approval.approved ? 'approved' : 'proposed',
      rationale: v.rationale,
      createdMs: v.createdMs,
      proposedOn: utcText(v.createdMs, 'day'),
      approval,
      signoffs: signoffs.length,
      comments: this.comments.filter((c) => c.versionId === v.id).length,
    };
  }

  private list(serviceId: number): ServiceVersions {
    const service = this.service(serviceId);
    const mine = this.versions.filter((v) => v.serviceId === serviceId);
    const versions = mine.map((v) => this.summary(v));
    const latest = mine.at(-1);
    const changes = latest ? diffVersions({ service: latest.service, alertSets: [] }, { service, alertSets: [] }).length : 0;
    const draft = !latest
      ? { since: null, changed: true, text: `${service.name} was never proposed: the current draft is all there is` }
      : changes === 0
        ? { since: latest.number, changed: false, text: `The current draft matches version ${latest.number}` }
        : {
            since: latest.number,
            changed: true,
            text: `The current draft is changed since version ${latest.number} (${changes} change${changes === 1 ? '' : 's'})`,
          };
    const approved = versions.filter((v) => v.state === 'approved').at(-1)?.number ?? null;
    return { serviceId, serviceName: service.name, requiredRoles: [...this.roles], versions, approvedVersion: approved, draft };
  }

  private status(serviceId: number): ServiceReviewStatus {
    const service = this.service(serviceId);
    const own: Partial<Record<Tier, number>> = {};
    for (const tier of TIERS) {
      const months = this.periods.get(`${serviceId}:${tier}`);
      if (months !== undefined) own[tier] = months;
    }
    const months = Object.fromEntries(TIERS.map((t) => [t, own[t] ?? DEFAULT_REVIEW_MONTHS[t]])) as Record<Tier, number>;
    const mine = this.versions.filter((v) => v.serviceId === serviceId);
    const approvals = mine.map((v) =>
      approvedOn(
        this.roles,
        this.signoffs.filter((s) => s.versionId === v.id),
      ),
    );
    const approvedIndex = approvals.map((day, i) => (day === null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
    const reviewed = approvedIndex >= 0 ? mine[approvedIndex] : mine.at(-1);
    const base = {
      serviceId,
      serviceName: service.name,
      approvedVersion: approvedIndex >= 0 ? mine[approvedIndex]!.number : null,
      latestVersion: mine.at(-1)?.number ?? null,
      months,
    };
    if (!reviewed) return { ...base, reviews: [], overdue: false, text: `${service.name}: never proposed, so no review is due` };
    const reviews = reviewSchedule({
      serviceName: service.name,
      tiers: TIERS.filter((t) => reviewed.service.slis.some((sli) => sli.objectives[t])),
      months: own,
      fromDay: approvedIndex >= 0 ? approvals[approvedIndex]! : utcText(reviewed.createdMs, 'day'),
      from: approvedIndex >= 0 ? 'approval' : 'proposal',
      today: utcText(this.nowMs, 'day'),
    });
    const overdue = reviews.some((r) => r.overdue);
    return { ...base, reviews, overdue, text: overdue ? `${service.name}: review overdue` : `${service.name}: next review ${reviews[0]?.nextDay ?? 'none'}` };
  }
}
