import { describeTime, isPlausibleTime, MAX_SERIES_NAME_CHARS, outOfSpanReason } from '#shared/importers/bounds';
import type { ImportIssue, ParsedSeries, ParseResult } from '#shared/importers/types';
import type { ImportSource } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
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
 * Why a parsed series cannot be stored, or null: every time inside 1970–2200 and after the one before, a name of at most
 * MAX_SERIES_NAME_CHARS. The importers refuse or fix all of these already; this keeps the store from ever holding a
 * series that would fail later (printing its span, analysing it), whatever hands it one.
 */
export function unstorable(series: ParsedSeries): ImportIssue | null {
  const refuse = (code: string, message: string): ImportIssue => ({ severity: 'error', code, message: `${message}; nothing was stored` });
  if (series.name.length > MAX_SERIES_NAME_CHARS)
    return refuse('SERIES_NAME_TOO_LONG', `A series name of ${series.name.length} characters is longer than the limit of ${MAX_SERIES_NAME_CHARS}`);
  const t = series.t;
  for (let i = 0; i < t.length; i++) {
    if (!isPlausibleTime(t[i]!)) return refuse('TIME_OUT_OF_RANGE', `Series "${series.name}", sample ${i + 1}: ${outOfSpanReason(t[i]!)}`);
    if (i > 0 && !(t[i]! > t[i - 1]!))
      return refuse('TIME_NOT_INCREASING', `Series "${series.name}", sample ${i + 1}: its time ${describeTime(t[i]!)} is not after the one before`);
  }
  return null;
}

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
    return {
      status: 'refused',
      issues: [...request.result.issues, { severity: 'error', code: 'NO_DATA', message: `${request.fileName} holds no usable samples` }],
    };
  }
  for (const series of request.result.series) {
    const refused = unstorable(series);
    if (refused !== null) return { status: 'refused', issues: [...request.result.issues, refused] };
  }
  const record = session.write((repos) => {
    const id = repos.series.insertImport({
      sliId: request.sliId,
      sha256: request.sha256,
      fileName: request.fileName,
      format: request.source ?? request.result.format,
      parserVersion: request.parserVersion,
      acceptedRows: request.result.accepted,
      rejectedRows: request.result.rejected,
      mergedRows: request.result.merged,
      startedAt: now(),
    });
    for (const series of request.result.series) repos.series.insertSeries(id, series);
    repos.series.finishImport(id, now());
    return repos.series.findImport(request.sliId, request.sha256)!;
  });
  return { status: 'stored', record, issues: request.result.issues };
}
