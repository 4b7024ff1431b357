import type { ImportListing } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { seriesSummary } from './import-service';
import type { WorkspaceSession } from './workspace-session';

/** What was imported into an SLI, oldest first, with the series each import holds; an unknown SLI is NOT_FOUND. */
export function listImports(session: WorkspaceSession, sliId: number): ImportListing[] {
  if (!session.reader().getSli(sliId)) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${sliId}`, { field: 'sliId' });
  const repo = session.series();
  return repo.listImports(sliId).map((r): ImportListing => ({
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    acceptedRows: r.acceptedRows,
    rejectedRows: r.rejectedRows,
    mergedRows: r.mergedRows,
    finishedAt: r.finishedAt,
    series: repo.listSeries(r.id).map((s) => ({ seriesId: s.id, ...seriesSummary(s) })),
  }));
}
