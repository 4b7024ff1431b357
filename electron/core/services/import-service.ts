import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PARSER_VERSION, type ParseRequest } from '#shared/importers/dispatch';
import { DEFAULT_LIMITS, type ImportIssue, type ParseResult } from '#shared/importers/types';
import type { ImportSource, ImportSummary, SeriesSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { PARSE_LIMITS, runWorker } from '../workers/run-worker';
import type { ImportRecord, SeriesInfo } from '../storage/repos/series-repo';
import { gunzipIfGzip } from './decompress';
import { storeImport, type BadRowPolicy, type ImportOutcome } from './import-store';
import { checkOptionsApply } from './import-options';
import { checkParsedForSli, requestForSli } from './latency-import';
import type { WorkspaceSession } from './workspace-session';

const PARSE_WORKER = new URL('../workers/parse-worker.ts', import.meta.url);

/** Most issues returned to a client; the rest are summarised by count. */
export const MAX_ISSUES_SHOWN = 200;

// A request, not a stored record: its field list is alike in shape to series-repo's ImportRecord only.
/** One file to import into an SLI. */
export type ImportFileRequest = {
  sliId: number;
  path: string;
  request: ParseRequest;
  onBadRows: BadRowPolicy;
  signal?: AbortSignal;
  /** Reports each phase as it starts and ends, in bytes of the file. */
  onProgress?: (phase: 'reading' | 'parsing' | 'storing', done: number, total: number) => void;
};

/**
 * Imports a file: checks its size before reading it, recognises bytes imported before by their SHA-256, decompresses
 * gzip (within the byte limit), parses it in a worker thread with memory and time limits, and stores the result in one transaction (or nothing, on bad rows with
 * "abort"). Every problem comes back as located issues; the workspace is never left half-written.
 */
export async function importFile(session: WorkspaceSession, job: ImportFileRequest, now: () => number): Promise<ImportSummary> {
  const fileName = basename(job.path);
  const limits = job.request.limits ?? DEFAULT_LIMITS;
  const stat = statSync(job.path, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new AppFailure('FILE_NOT_FOUND', `${fileName} does not exist or is not a file`, { path: job.path });
  if (stat.size > limits.maxBytes) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `${fileName} has ${stat.size} bytes, more than the import limit of ${limits.maxBytes}; split it or aggregate it first`,
      { path: job.path, code: 'TOO_LARGE' },
    );
  }
  const sli = session.reader().getSli(job.sliId);
  if (!sli) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${job.sliId}`, { field: 'sliId' });
  const request = requestForSli(sli, job.request);
  job.onProgress?.('reading', 0, stat.size);
  // Read and hashed without blocking the event loop: the main process keeps answering while a large file comes in.
  const bytes = await readFile(job.path);
  job.signal?.throwIfAborted();
  const sha256 = await hashInSlices(bytes);
  const earlier = session.series().findImport(job.sliId, sha256);
  if (earlier) return duplicateSummary(earlier, fileName);
  // The file's own bytes are hashed; a gzip file is parsed as what it holds.
  const content = await gunzipIfGzip(bytes, fileName, limits.maxBytes);
  job.signal?.throwIfAborted();
  // A large file's Buffer owns its ArrayBuffer and moves to the worker uncopied; a small one may share Node's pool, which must not move.
  const payload = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength ? content : new Uint8Array(content);
  job.onProgress?.('parsing', 0, stat.size);
  const result = await runWorker<{ bytes: Uint8Array; request: ParseRequest }, ParseResult>(
    PARSE_WORKER,
    { bytes: payload, request },
    {
      limits: PARSE_LIMITS,
      signal: job.signal,
      transfer: [payload.buffer as ArrayBuffer],
      onProgress: (done, total) => job.onProgress?.('parsing', done, total),
    },
  );
  job.signal?.throwIfAborted();
  checkOptionsApply(job.request, result.format, fileName);
  checkParsedForSli(sli, result, fileName);
  job.onProgress?.('storing', 0, result.accepted);
  const outcome = storeImport(session, { sliId: job.sliId, sha256, fileName, parserVersion: PARSER_VERSION, result, onBadRows: job.onBadRows }, now);
  return importSummary(session, outcome, fileName, result);
}

/** A stored series as an import reports it. */
export function seriesSummary(s: SeriesInfo): SeriesSummary {
  return { name: s.name, points: s.points, stepMs: s.stepMs, startMs: s.startMs, endMs: s.endMs, ...(s.latency ? { latency: s.latency } : {}) };
}

/** What an import reports when its bytes were imported before: the earlier import, unchanged. */
export function duplicateSummary(record: ImportRecord, fileName: string): ImportSummary {
  return {
    status: 'duplicate',
    importId: record.id,
    fileName,
    format: record.format,
    accepted: record.acceptedRows,
    rejected: record.rejectedRows,
    merged: record.mergedRows,
    series: [],
    issues: [],
  };
}

/** What an import reports once storeImport has decided: stored with its series, a duplicate, or refused with its issues. */
export function importSummary(
  session: WorkspaceSession,
  outcome: ImportOutcome,
  fileName: string,
  result: ParseResult,
  format: ImportSource = result.format,
): ImportSummary {
  if (outcome.status === 'duplicate') return duplicateSummary(outcome.record, fileName);
  const issues = capIssues(outcome.issues);
  const base = { fileName, format, accepted: result.accepted, rejected: result.rejected, merged: result.merged, issues };
  if (outcome.status === 'refused') return { status: 'refused', importId: null, series: [], ...base };
  return { status: 'stored', importId: outcome.record.id, series: session.series().listSeries(outcome.record.id).map(seriesSummary), ...base };
}

/** Bytes hashed between two turns of the event loop. */
const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/** The SHA-256 of the bytes, hashed a slice at a time so the event loop keeps turning. */
async function hashInSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_SLICE_BYTES) {
    hash.update(bytes.subarray(at, Math.min(bytes.length, at + HASH_SLICE_BYTES)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** Keeps the first MAX_ISSUES_SHOWN issues and summarises the rest by count. */
export function capIssues(issues: ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_ISSUES_SHOWN) return issues;
  return [
    ...issues.slice(0, MAX_ISSUES_SHOWN),
    { severity: 'warning', code: 'MORE_ISSUES', message: `${issues.length - MAX_ISSUES_SHOWN} more issues not shown` },
  ];
}
