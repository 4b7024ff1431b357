import { TIER_LABELS, TIERS, type Tier } from '#shared/domain/types';
import { utcText } from '#shared/domain/utc-text';
import type { ReviewStatus, ServiceReviewStatus } from '#shared/ipc/contract';
import { listWords } from '#shared/review/approval';
import { DEFAULT_REVIEW_MONTHS, reviewSchedule } from '#shared/review/cadence';
import { requireService, versionRecords } from './review-versions';
import type { WorkspaceSession } from './workspace-session';

/**
 * A service's review dates on `today`: counted from the approval of its approved version (the newest approved), else
 * from the proposal of its latest version, for each tier that version sets; a service never proposed has none.
 */
export function serviceReviewStatus(session: WorkspaceSession, serviceId: number, today: string): ServiceReviewStatus {
  const service = requireService(session, serviceId);
  const records = versionRecords(session, serviceId);
  const approved = records.filter((r) => r.approvedOn !== null).at(-1);
  const latest = records.at(-1);
  const own = session.review().periods(serviceId);
  const months = Object.fromEntries(TIERS.map((tier) => [tier, own[tier] ?? DEFAULT_REVIEW_MONTHS[tier]])) as Record<Tier, number>;
  const base = {
    serviceId,
    serviceName: service.name,
    approvedVersion: approved?.version.number ?? null,
    latestVersion: latest?.version.number ?? null,
    months,
  };
  const reviewed = approved ?? latest;
  if (!reviewed) return { ...base, reviews: [], overdue: false, text: `${service.name}: never proposed, so no review is due` };
  const tiers = TIERS.filter((tier) => reviewed.version.snapshot.service.slis.some((sli) => sli.objectives[tier]));
  const reviews = reviewSchedule({
    serviceName: service.name,
    tiers,
    months: own,
    fromDay: approved ? approved.approvedOn! : reviewed.summary.proposedOn,
    from: approved ? 'approval' : 'proposal',
    today,
  });
  const late = reviews.filter((r) => r.overdue);
  const next = [...reviews].sort((a, b) => (a.nextDay < b.nextDay ? -1 : a.nextDay > b.nextDay ? 1 : 0))[0];
  const which = `version ${reviewed.version.number}, ${approved ? 'approved' : 'proposed'}`;
  const text =
    late.length > 0
      ? `${service.name}: review overdue for the ${listWords(late.map((r) => `${TIER_LABELS[r.tier]} (due ${r.nextDay})`))} (${which})`
      : next
        ? `${service.name}: next review ${next.nextDay} for the ${TIER_LABELS[next.tier]} (${which})`
        : `${service.name}: no tier to review (${which})`;
  return { ...base, reviews, overdue: late.length > 0, text };
}

/** Every service's review status (or one service's), on the day the clock says in UTC. */
export function reviewStatus(session: WorkspaceSession, serviceId: number | null, now: number): ReviewStatus {
  const today = utcText(now, 'day');
  const ids =
    serviceId === null
      ? session
          .reader()
          .listServices()
          .map((s) => s.id)
      : [requireService(session, serviceId).id];
  const services = ids.map((id) => serviceReviewStatus(session, id, today));
  return { today, services, overdue: services.filter((s) => s.overdue).length };
}
