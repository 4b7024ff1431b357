import type { ImportIssue, ParseResult } from '../../../shared/importers/types';
import type { ImportSource } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/errors';
import type { ImportRecord } from '../storage/repos/series-repo';
import type { WorkspaceSession } from './workspace-session';

/** What to do with rows an importer rejected: keep the rest, or store nothing. */
export type BadRowPolicy = 'skip' | 'abort';

/** One import to store: the parse result of a file and what identifies the file. */
export type ImportRequest = {
  sliId: number;
  sha256: string;
  fileName: string;
  parserVersion: number;
  result: ParseResult;
  onBadRows: BadRowPolicy;
  /** Where the data came from when it is not the parser's file format (a live Prometheus server). */
  source?: ImportSource;
};

/** The outcome: stored (with its record), a duplicate of an earlier import, or refused because of bad rows. */
export type ImportOutcome =
  | { status: 'stored'; record: ImportRecord; issues: ImportIssue[] }
  | { status: 'duplicate'; record: ImportRecord }
  | { status: 'refused'; issues: ImportIssue[] };

/**
 * Stores a parsed file as one transaction: the import row, every series and its chunks, and the finished status land
 * together or not at all (R12, R13). The same bytes imported again for the same SLI are recognised by their SHA-256.
 */
export function storeImport(session: WorkspaceSession, request: ImportRequest, now: () => number): ImportOutcome {
  if (!session.reader().getSli(request.sliId)) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${request.sliId}`, { field: 'sliId' });
  const earlier = session.series().findImport(request.sliId, request.sha256);
  if (earlier) return { status: 'duplicate', record: earlier };
  const errors = request.result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 && request.onBadRows === 'abort') return { status: 'refused', issues: request.result.issues };
  if (request.result.series.every((s) => s.t.length === 0)) {
    return { status: 'refused', issues: [...request.result.issues, { severity: 'error', code: 'NO_DATA', message: `${request.fileName} holds no usable samples` }] };
  }
  const record = session.write((repos) => {
    const id = repos.series.insertImport({
      sliId: request.sliId, sha256: request.sha256, fileName: request.fileName, format: request.source ?? request.result.format,
      parserVersion: request.parserVersion, acceptedRows: request.result.accepted, rejectedRows: request.result.rejected, startedAt: now(),
    });
    for (const series of request.result.series) repos.series.insertSeries(id, series);
    repos.series.finishImport(id, now());
    return repos.series.findImport(request.sliId, request.sha256)!;
  });
  return { status: 'stored', record, issues: request.result.issues };
}
