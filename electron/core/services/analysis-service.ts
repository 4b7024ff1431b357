import { analyseHistory } from '../../../shared/analysis/history';
import type { HistoryReport } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/errors';
import type { WorkspaceSession } from './workspace-session';

/**
 * Analyses the latest imported history of an SLI over a rolling window: achieved SLI, how often each tier would have
 * been met, and a recommended target. Uses the series named like the SLI's kind when there is one, else the first.
 */
export function analyseSli(session: WorkspaceSession, sliId: number, windowDays: number): HistoryReport {
  const sli = session.reader().getSli(sliId);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${sliId}`, { field: 'sliId' });
  const latest = session.series().listImports(sliId).at(-1);
  if (!latest) throw new AppFailure('NOT_FOUND', `No history has been imported for "${sli.name}" yet; import a file first`, { field: 'sliId' });
  const series = session.series().listSeries(latest.id);
  const chosen = series.find((s) => s.name === sli.kind) ?? series[0];
  if (!chosen) throw new AppFailure('NOT_FOUND', `The latest import of "${sli.name}" holds no series`, { field: 'sliId' });
  const analysis = analyseHistory(session.series().readSeries(chosen.id), sli, windowDays * 86_400_000);
  return { ...analysis, importId: latest.id, fileName: latest.fileName, series: chosen.name, startMs: chosen.startMs, endMs: chosen.endMs, windowDays };
}
