import { createHash } from 'node:crypto';
import { PARSER_VERSION } from '#shared/importers/dispatch';
import { goodFromErrorRatio, joinSteps, pairGoodTotal, splitGrid, stepGrid, sumOntoGrid, type StepGrid } from '#shared/importers/prometheus-range';
import type { ImportIssue, ParseResult } from '#shared/importers/types';
import type { Args, ImportSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { ParseJob } from '../workers/parse-worker';
import { PARSE_LIMITS, runWorker } from '../workers/run-worker';
import { storeImport } from './import-store';
import { importSummary } from './import-service';
import { fetchQueryRange, prometheusServer, QUERY_FIELDS, rangeText, shownTime, type PrometheusServer, type QueryRole } from './prometheus-client';
import type { WorkspaceSession } from './workspace-session';

const PARSE_WORKER = new URL('../workers/parse-worker.ts', import.meta.url);

/** Bounds of one live import: steps per request, time and bytes per answer, and steps in all. */
export type PrometheusLimits = {
  /** Steps asked for in one query_range request; Prometheus refuses more than 11,000 points per series. */
  maxPointsPerQuery: number;
  requestTimeoutMs: number;
  /** Bytes of one answer, counted while it streams. */
  maxResponseBytes: number;
  /** Steps of the whole range. */
  maxTotalPoints: number;
};

/** 10,000 steps per request, 30 s and 64 MiB per answer, and 3 million steps in all (a year at a 15 s step fits). */
export const DEFAULT_PROMETHEUS_LIMITS: PrometheusLimits = {
  maxPointsPerQuery: 10_000,
  requestTimeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
  maxTotalPoints: 3_000_000,
};

/** How an import runs: its clock, a signal that cancels it, progress in requests done of all, and test seams. */
export type PrometheusImportOptions = {
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  fetchImpl?: typeof fetch;
  limits?: Partial<PrometheusLimits>;
};

type PrometheusRequest = Args<'import/prometheus'>;
type Query = { role: QueryRole; promql: string };
type Answer = { part: number; query: Query; bytes: Uint8Array };
/** One query's answer for one sub-range, laid on its grid. */
type Laid = { values: Float64Array; rejected: number };

// Answers are parsed in batches of about this many bytes: one worker for a usual import, bounded memory for a huge one.
const BATCH_BYTES = 32 * 1024 * 1024;

function checkRequest(req: PrometheusRequest, limits: PrometheusLimits): { server: PrometheusServer; grid: StepGrid } {
  const server = prometheusServer(req.url);
  if (!Number.isSafeInteger(req.startMs) || req.startMs < 0)
    throw new AppFailure('INVALID_ARGUMENT', 'The start must be a time after 1970, in whole milliseconds', { field: 'startMs' });
  if (!Number.isSafeInteger(req.endMs) || req.endMs <= req.startMs) {
    throw new AppFailure('INVALID_ARGUMENT', `The end (${shownTime(req.endMs)}) must be after the start (${shownTime(req.startMs)})`, { field: 'endMs' });
  }
  if (!Number.isInteger(req.stepSeconds) || req.stepSeconds < 1 || req.stepSeconds > 86_400) {
    throw new AppFailure('INVALID_ARGUMENT', 'The step must be whole seconds from 1 s to 1 day', { field: 'stepSeconds' });
  }
  const rangeMs = req.endMs - req.startMs;
  if (req.stepSeconds * 1000 > rangeMs) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `The step (${req.stepSeconds} s) is longer than the range (${rangeMs / 1000} s); choose a smaller step or a longer range`,
      { field: 'stepSeconds' },
    );
  }
  const grid = stepGrid(req.startMs, req.endMs, req.stepSeconds * 1000);
  if (grid.points > limits.maxTotalPoints) {
    const least = Math.ceil(rangeMs / 1000 / (limits.maxTotalPoints - 1));
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `${shownTime(req.startMs)} → ${shownTime(req.endMs)} at a ${req.stepSeconds} s step is ${grid.points} steps, ` +
        `more than the ${limits.maxTotalPoints} one import may hold; choose a step of at least ${least} s or a shorter range`,
      { field: 'stepSeconds', code: 'TOO_MANY_POINTS' },
    );
  }
  if (!Number.isInteger(limits.maxPointsPerQuery) || limits.maxPointsPerQuery < 1 || limits.maxPointsPerQuery > 11_000) {
    throw new AppFailure('INVALID_ARGUMENT', 'Steps per request must be from 1 to 11,000; Prometheus refuses more points per series', {
      field: 'maxPointsPerQuery',
    });
  }
  return { server, grid };
}

function queriesOf(query: PrometheusRequest['query']): Query[] {
  const list: Query[] =
    query.kind === 'good-total'
      ? [
          { role: 'good', promql: query.good },
          { role: 'total', promql: query.total },
        ]
      : [{ role: 'error ratio', promql: query.errorRatio }];
  for (const q of list) if (q.promql.trim() === '') throw new AppFailure('INVALID_ARGUMENT', `The ${q.role} query is empty`, { field: QUERY_FIELDS[q.role] });
  return list;
}

/** Throws when an answer is not a usable query_range result at all; otherwise lays it on its grid and collects its issues. */
function layAnswer(answer: Answer, result: ParseResult, grid: StepGrid, server: PrometheusServer, issues: ImportIssue[]): Laid {
  const where = `the ${answer.query.role} query (${rangeText(grid)})`;
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (result.series.length === 0 && result.rejected === 0 && errors.length > 0) {
    const first = errors[0]!;
    const message =
      first.code === 'PROMETHEUS_ERROR'
        ? `Prometheus refused ${where}: ${first.message.replace(/^Prometheus answered /, '')}`
        : `Prometheus at ${server.shown} gave an answer to ${where} that is not a query_range result: ${first.message}`;
    throw new AppFailure('INVALID_ARGUMENT', message, { field: QUERY_FIELDS[answer.query.role], code: first.code });
  }
  for (const issue of result.issues) {
    // Missing steps are found on the grid and reported there (a good or total sample missing), not as gaps of one answer.
    if (issue.code === 'GAP') continue;
    const fromServer = issue.code === 'PROMETHEUS_WARNING' || issue.code === 'PROMETHEUS_INFO';
    const message = fromServer ? `Prometheus on the ${answer.query.role} query: ${issue.message}` : `${where}: ${issue.message}`;
    if (!fromServer || !issues.some((i) => i.message === message)) issues.push({ ...issue, message });
  }
  // Counts are read as counts (good = total = value), ratios as ratios (good = ratio): either way one column holds the value.
  const laid = sumOntoGrid(result.series, answer.query.role === 'error ratio' ? 'good' : 'total', grid);
  if (laid.offGrid > 0)
    issues.push({ severity: 'warning', code: 'OFF_STEP', message: `${where}: ${laid.offGrid} samples at times between the requested steps were left out` });
  if (answer.query.role === 'error ratio' && laid.overlaps > 0) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `The error ratio query returned more than one series at ${laid.overlaps} steps (${rangeText(grid)}); ` +
        'ratios cannot be added, so write it to return one, e.g. sum(rate(errors[5m])) / sum(rate(requests[5m]))',
      { field: QUERY_FIELDS['error ratio'], code: 'SEVERAL_RATIOS' },
    );
  }
  return { values: laid.values, rejected: result.rejected };
}

async function parseBatch(batch: Answer[], signal: AbortSignal | undefined): Promise<ParseResult[]> {
  const job: ParseJob = {
    batch: batch.map((a) => ({ bytes: a.bytes, request: { format: 'prometheus-json', prometheusRatio: a.query.role === 'error ratio' } })),
  };
  return runWorker<ParseJob, ParseResult[]>(PARSE_WORKER, job, { limits: PARSE_LIMITS, signal, transfer: batch.map((a) => a.bytes.buffer as ArrayBuffer) });
}

/** Pairs each sub-range's laid answers into samples, turning what could not be paired into issues. */
function combine(req: PrometheusRequest, parts: StepGrid[], laid: Map<string, Laid>, issues: ImportIssue[]): ParseResult {
  const samples: { t: Float64Array; good: Float64Array; total: Float64Array }[] = [];
  let rejected = 0;
  parts.forEach((grid, part) => {
    if (req.query.kind === 'error-ratio') {
      const ratio = laid.get(`${part}:error ratio`)!;
      samples.push(goodFromErrorRatio(grid, ratio.values));
      rejected += ratio.rejected;
      return;
    }
    const total = laid.get(`${part}:total`)!;
    const paired = pairGoodTotal(grid, laid.get(`${part}:good`)!.values, total.values);
    samples.push(paired);
    rejected += total.rejected + paired.goodMissing + paired.goodAboveTotal;
    if (paired.goodMissing > 0) {
      issues.push({
        severity: 'error',
        code: 'GOOD_MISSING',
        message:
          `${rangeText(grid)}: ${paired.goodMissing} steps from ${shownTime(paired.firstGoodMissingMs!)} have a total ` +
          'but no good sample and were left out; if no good events then means zero, end the good query with "or vector(0)"',
      });
    }
    if (paired.goodAboveTotal > 0) {
      issues.push({
        severity: 'error',
        code: 'GOOD_ABOVE_TOTAL',
        message:
          `${rangeText(grid)}: at ${paired.goodAboveTotal} steps from ${shownTime(paired.firstGoodAboveTotalMs!)} ` +
          'good exceeds total; those steps were left out',
      });
    }
    if (paired.totalMissing > 0) {
      issues.push({
        severity: 'warning',
        code: 'TOTAL_MISSING',
        message: `${rangeText(grid)}: ${paired.totalMissing} steps have a good but no total sample and were left out`,
      });
    }
  });
  const series = joinSteps(req.query.kind === 'error-ratio' ? 'error ratio' : 'good/total', samples);
  return { format: 'prometheus-json', series: [series], issues, accepted: series.t.length, rejected, merged: 0 };
}

/** SHA-256 of what was asked (server without credentials, queries, range, step) and of the samples that came back. */
function fingerprint(server: PrometheusServer, req: PrometheusRequest, result: ParseResult): string {
  const query =
    req.query.kind === 'good-total'
      ? { kind: req.query.kind, good: req.query.good, total: req.query.total }
      : { kind: req.query.kind, errorRatio: req.query.errorRatio };
  const hash = createHash('sha256').update(
    JSON.stringify({ source: 'prometheus-api', url: server.shown, query, startMs: req.startMs, endMs: req.endMs, stepSeconds: req.stepSeconds }),
  );
  for (const s of result.series) for (const column of [s.t, s.good, s.total]) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  return hash.digest('hex');
}

function importName(server: PrometheusServer, req: PrometheusRequest): string {
  const name = `prometheus: ${server.base.host} ${req.query.kind === 'good-total' ? req.query.good : req.query.errorRatio}`.replace(/\s+/g, ' ');
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

/**
 * Imports an SLI's history from a live Prometheus server. The range is cut into sub-ranges Prometheus accepts, each
 * query is asked for each sub-range in turn (with progress, cancel, a timeout and a byte cap per answer), the answers
 * are read by the same parser as a saved query_range file (in a worker, R19), summed per step into one good/total
 * series and stored in one transaction. Any failure of the server or of an answer stores nothing.
 */
export async function importPrometheus(session: WorkspaceSession, req: PrometheusRequest, opts: PrometheusImportOptions): Promise<ImportSummary> {
  const limits: PrometheusLimits = { ...DEFAULT_PROMETHEUS_LIMITS, ...opts.limits };
  const { server, grid } = checkRequest(req, limits);
  const queries = queriesOf(req.query);
  if (!session.reader().getSli(req.sliId)) throw new AppFailure('NOT_FOUND', `There is no SLI with id ${req.sliId}`, { field: 'sliId' });
  const parts = splitGrid(grid, limits.maxPointsPerQuery);
  const requests = parts.length * queries.length;
  const fetchImpl = opts.fetchImpl ?? fetch;
  const laid = new Map<string, Laid>();
  const issues: ImportIssue[] = [];
  let pending: Answer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const results = await parseBatch(pending, opts.signal);
    pending.forEach((answer, i) => laid.set(`${answer.part}:${answer.query.role}`, layAnswer(answer, results[i]!, parts[answer.part]!, server, issues)));
    pending = [];
    pendingBytes = 0;
  };
  opts.onProgress?.(0, requests);
  let done = 0;
  for (let part = 0; part < parts.length; part++) {
    for (const query of queries) {
      const bytes = await fetchQueryRange({
        server,
        role: query.role,
        promql: query.promql,
        grid: parts[part]!,
        timeoutMs: limits.requestTimeoutMs,
        maxBytes: limits.maxResponseBytes,
        signal: opts.signal,
        fetchImpl,
      });
      pending.push({ part, query, bytes });
      pendingBytes += bytes.byteLength;
      opts.onProgress?.(++done, requests);
      if (pendingBytes >= BATCH_BYTES) await flush();
    }
  }
  if (pending.length > 0) await flush();
  const result = combine(req, parts, laid, issues);
  if (opts.signal?.aborted) throw new AppFailure('CANCELLED', 'The import was cancelled; nothing was stored');
  const fileName = importName(server, req);
  const outcome = storeImport(
    session,
    {
      sliId: req.sliId,
      sha256: fingerprint(server, req, result),
      fileName,
      parserVersion: PARSER_VERSION,
      result,
      onBadRows: req.onBadRows,
      source: 'prometheus-api',
    },
    opts.now,
  );
  return importSummary(session, outcome, fileName, result, 'prometheus-api');
}
