// What the review document reads besides the plan (Exporter.reviewContext): the exported version's diff against the
// one before it with its historical impact, each SLI's history in a few figures, and each what-if scenario's last run.
// All of it from the core's own services, judged by the exported version's tiers; nothing here changes the workspace.
import { analyseHistory } from '#shared/analysis/history';
import { utcText } from '#shared/domain/utc-text';
import { TIERS, type Sli } from '#shared/domain/types';
import type { ExportedService, ExportHistorySummary, ExportVersionDiff, ExportWhatIf } from '#shared/exporters/types';
import { AppFailure } from '#shared/ipc/errors';
import { weeklyCompliance } from '#shared/review/impact';
import { excludedHistory, loadHistory, seriesChoices, tierHistory } from './analysis-service';
import { diffProposals } from './review-diff';
import { versionRecords } from './review-versions';
import type { WorkspaceSession } from './workspace-session';

const DAY_MS = 86_400_000;

/**
 * The version the exported one is compared with: the newest approved version before it; without one, the version
 * before it, or for the draft the latest proposal (version 1 when there is one). Null when there is none.
 */
function baseOf(session: WorkspaceSession, exported: ExportedService): { number: number; createdMs: number } | null {
  const records = versionRecords(session, exported.service.id);
  const to = exported.version.number;
  const before = records.filter((r) => to === null || r.version.number < to);
  const base = before.filter((r) => r.summary.state === 'approved').at(-1) ?? before.at(-1);
  return base ? { number: base.version.number, createdMs: base.version.createdMs } : null;
}

/** The diff of the exported version against its base (a draft's alert periods read as of the base's proposal, so it does not depend on the clock). */
function versionDiff(session: WorkspaceSession, exported: ExportedService): ExportVersionDiff | null {
  const base = baseOf(session, exported);
  if (base === null) return null;
  const diff = diffProposals(session, { serviceId: exported.service.id, from: base.number, to: exported.version.number }, base.createdMs);
  return {
    from: base.number,
    to: exported.version.number,
    changes: diff.changes.map((c) => c.text),
    impact: diff.impact.map((i) => i.text),
    notes: diff.notes,
  };
}

/** The window the history's rolling figures use: the SLO's rolling window, else a week. */
function windowMsOf(sli: Sli): number {
  const window = sli.objectives.slo?.window;
  return window?.kind === 'rolling' ? window.days * DAY_MS : 7 * DAY_MS;
}

/** One SLI's history judged by the version's tiers, or null when it has none. */
function historySummary(session: WorkspaceSession, sli: Sli): ExportHistorySummary | null {
  if (session.reader().getSli(sli.id) === undefined || seriesChoices(session, sli.id).length === 0) return null;
  const loaded = { ...loadHistory(session, sli.id, null), sli };
  const source = `${loaded.fileName}, series ${loaded.info.name}`;
  const t = loaded.history.t;
  const days = { fromDay: utcText(t[0] ?? 0, 'day'), toDay: utcText(t[t.length - 1] ?? 0, 'day') };
  const empty = { sliId: sli.id, source, ...days, achieved: null, tiers: [], recommendedSloPpm: null };
  try {
    const tiers = TIERS.flatMap((tier) => {
      const objective = sli.objectives[tier];
      if (!objective) return [];
      return [{ tier, targetPpm: objective.targetPpm, ...weeklyCompliance(tierHistory(loaded, tier, true), objective) }];
    });
    const headline = sli.objectives.slo ? tierHistory(loaded, 'slo', true) : excludedHistory(loaded).history;
    const analysis = analyseHistory(headline, sli, windowMsOf(sli));
    const achieved = Number.isFinite(analysis.overall) ? analysis.overall : null;
    return { ...empty, achieved, tiers, recommendedSloPpm: analysis.recommendation?.targetPpm ?? null, note: null };
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    return { ...empty, note: error.message };
  }
}

/** The last stored run of each readable scenario of the version's SLIs. */
function whatIfRuns(session: WorkspaceSession, slis: readonly Sli[]): ExportWhatIf[] {
  return slis.flatMap((sli) =>
    session.reader().getSli(sli.id) === undefined
      ? []
      : session
          .scenarios()
          .listForSli(sli.id)
          .flatMap((s) => (s.lastRun === null || s.unreadable !== undefined ? [] : [{ sliId: sli.id, scenario: s.scenario.name, result: s.lastRun }])),
  );
}

/** The service with its diff, history summaries and what-if runs added. */
export function withReviewContext(session: WorkspaceSession, exported: ExportedService): ExportedService {
  const slis = exported.service.slis;
  return {
    ...exported,
    diff: versionDiff(session, exported),
    history: slis.flatMap((sli) => historySummary(session, sli) ?? []),
    whatif: whatIfRuns(session, slis),
  };
}
