import { TIERS, type Sli, type Tier } from '#shared/domain/types';
import type { Args, VersionDiff } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { diffVersions } from '#shared/review/diff';
import { impactOf, weeklyCompliance, type TierImpact } from '#shared/review/impact';
import { canonicalJson } from '#shared/review/snapshot';
import { loadHistory, seriesChoices, tierHistory, type LoadedHistory } from './analysis-service';
import { draftSnapshot, requireService, requireVersion } from './review-versions';
import type { WorkspaceSession } from './workspace-session';

/**
 * Two versions of a service compared (`to` null: the current draft): every change in words, and for each tier whose
 * objective changed on an SLI with imported history, the weeks of the last quarter it was met in under each version's
 * objective, judged by the History screen's own code (its latest series, exclusions left out, a latency history at
 * each version's own threshold).
 */
export function diffProposals(session: WorkspaceSession, args: Args<'proposal/diff'>, now: number): VersionDiff {
  const service = requireService(session, args.serviceId);
  const from = requireVersion(session, service, args.from, 'from').version.snapshot;
  const to = args.to === null ? draftSnapshot(session, service, now) : requireVersion(session, service, args.to, 'to').version.snapshot;
  const names = new Map(
    session
      .reader()
      .listServices()
      .map((s) => [s.id, s.name]),
  );
  const changes = diffVersions(from, to, (id) => names.get(id) ?? `service #${id}`);
  const impact: TierImpact[] = [];
  const notes: string[] = [];
  for (const sli of to.service.slis) {
    const old = from.service.slis.find((s) => s.id === sli.id);
    const changed = TIERS.filter((tier) => canonicalJson(old?.objectives[tier] ?? null) !== canonicalJson(sli.objectives[tier] ?? null));
    if (changed.length === 0 || session.reader().getSli(sli.id) === undefined || seriesChoices(session, sli.id).length === 0) continue;
    const where = `${to.service.name} / ${sli.name}`;
    try {
      const loaded = loadHistory(session, sli.id, null);
      for (const tier of changed) impact.push(tierImpact(loaded, where, tier, old ?? null, sli));
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      notes.push(`No historical impact for ${where}: ${error.message}`);
    }
  }
  return { serviceId: service.id, serviceName: service.name, from: args.from, to: args.to, changes, impact, notes };
}

/** One tier's weeks met under the old and the new version's objective. */
function tierImpact(loaded: LoadedHistory, where: string, tier: Tier, old: Sli | null, now: Sli): TierImpact {
  const side = (sli: Sli | null) => {
    const objective = sli?.objectives[tier];
    if (!sli || !objective) return null;
    return { objective, weeks: weeklyCompliance(tierHistory({ ...loaded, sli }, tier, true), objective) };
  };
  return impactOf(where, tier, side(old), side(now));
}
