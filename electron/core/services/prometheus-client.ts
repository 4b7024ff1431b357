// The HTTP side of a live Prometheus import: one query_range request, bounded in time and bytes, with every way it can
// fail turned into a sentence that names the server, the query and the range (docs/reliability.md R25).
import { AppFailure } from '#shared/ipc/errors';
import { gridEndMs, type StepGrid } from '#shared/importers/prometheus-range';

/** A Prometheus server as the client uses it: the base address without credentials, and the header carrying them. */
export type PrometheusServer = { base: URL; shown: string; authorization: string | null };

/** Which query a request asks: the good events, the total events, or the error ratio. */
export type QueryRole = 'good' | 'total' | 'error ratio';

/** The argument field each query comes from, so a form or the CLI can point at the query Prometheus refused. */
export const QUERY_FIELDS: Record<QueryRole, string> = { good: 'query.good', total: 'query.total', 'error ratio': 'query.errorRatio' };

/** One query_range request: which query (role and PromQL) over which sub-range, with its bounds. */
export type RangeRequest = {
  server: PrometheusServer;
  role: QueryRole;
  promql: string;
  grid: StepGrid;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  fetchImpl: typeof fetch;
};

/**
 * Reads a Prometheus address: http or https only. Credentials written in it (https://user:pass@host) move into an
 * Authorization header, so they are neither shown in messages nor stored with the import.
 */
export function prometheusServer(address: string): PrometheusServer {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new AppFailure('INVALID_ARGUMENT', `"${address}" is not an address; write it like http://localhost:9090`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppFailure('INVALID_ARGUMENT', `Prometheus is reached over http or https, not ${url.protocol.replace(/:$/, '')}`, { field: 'url' });
  }
  const authorization =
    url.username === '' && url.password === ''
      ? null
      : `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { base: url, shown: url.href.replace(/\/$/, ''), authorization };
}

/** A UTC time as people read it in messages: 2024-03-01 00:00 UTC. */
export function shownTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Seconds as Prometheus reads them, with milliseconds written exactly (no binary rounding of ms / 1000). */
function seconds(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const rest = ms - whole * 1000;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(3, '0')}`;
}

function bytesText(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

/** The query as named in messages: its role and its PromQL, cut short when long. */
function queryText(req: RangeRequest): string {
  const promql = req.promql.length > 120 ? `${req.promql.slice(0, 119)}…` : req.promql;
  return `the ${req.role} query ${promql}`;
}

/** The sub-range as named in messages. */
export function rangeText(grid: StepGrid): string {
  return `${shownTime(grid.startMs)} → ${shownTime(gridEndMs(grid))}`;
}

async function readCapped(response: Response, req: RangeRequest): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppFailure(
      'INVALID_ARGUMENT',
      `Prometheus at ${req.server.shown} sent more than ${bytesText(req.maxBytes)} for ${queryText(req)} (${rangeText(req.grid)}); ` +
        'aggregate the query with sum(...), or use a larger step',
      { field: QUERY_FIELDS[req.role], code: 'TOO_LARGE', maxBytes: req.maxBytes },
    );
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > req.maxBytes) throw tooLarge();
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > req.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Prometheus's own error from a JSON body ({status: "error", errorType, error}), when the body is one. */
function prometheusError(bytes: Uint8Array): { errorType: string; error: string } | null {
  if (bytes.byteLength > 65_536) return null;
  try {
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { status?: unknown; errorType?: unknown; error?: unknown };
    return body.status === 'error' ? { errorType: String(body.errorType ?? 'error'), error: String(body.error ?? '') } : null;
  } catch {
    return null;
  }
}

function refusal(response: Response, bytes: Uint8Array, req: RangeRequest): AppFailure {
  const own = prometheusError(bytes);
  const code = response.status >= 500 ? 'IO_ERROR' : 'INVALID_ARGUMENT';
  if (own) {
    return new AppFailure(code, `Prometheus refused ${queryText(req)} (${rangeText(req.grid)}): ${own.errorType}: ${own.error}`, {
      field: QUERY_FIELDS[req.role],
      code: 'PROMETHEUS_ERROR',
      errorType: own.errorType,
      httpStatus: response.status,
    });
  }
  return new AppFailure(
    code,
    `Prometheus at ${req.server.shown} answered ${response.status} ${response.statusText} to ${queryText(req)}; ` +
      'check that the address is a Prometheus server (or a compatible API such as Thanos or Mimir)',
    { field: 'url', code: 'HTTP_ERROR', httpStatus: response.status },
  );
}

function networkFailure(error: unknown, req: RangeRequest, timeout: AbortSignal, answered: boolean): AppFailure {
  if (error instanceof AppFailure) return error;
  if (req.signal?.aborted) return new AppFailure('CANCELLED', 'The import was cancelled; nothing was stored');
  if (timeout.aborted) {
    return new AppFailure(
      'IO_ERROR',
      `Prometheus at ${req.server.shown} did not answer within ${req.timeoutMs / 1000} s (${queryText(req)}, ${rangeText(req.grid)}); ` + 'nothing was stored',
      { field: 'url', code: 'TIMEOUT', timeoutMs: req.timeoutMs },
    );
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found',
    ECONNRESET: 'connection reset',
  };
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const detail = typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  // fetch refuses the ports browsers block (e.g. 1, 9, 6000) without trying them.
  const reason = reasons[code] ?? (detail === 'bad port' ? `port ${req.server.base.port} is one that fetch refuses to use` : detail);
  if (answered)
    return new AppFailure('IO_ERROR', `The answer of Prometheus at ${req.server.shown} broke off (${reason}); nothing was stored`, {
      field: 'url',
      code: 'BROKEN_ANSWER',
    });
  return new AppFailure('IO_ERROR', `Could not connect to Prometheus at ${req.server.shown} (${reason}); nothing was stored`, {
    field: 'url',
    code: 'UNREACHABLE',
  });
}

/**
 * Asks /api/v1/query_range for one sub-range (POST, form-encoded, so long queries fit) and returns the raw answer.
 * The request is cut off after timeoutMs or when the caller's signal aborts; the body is counted while it streams and
 * abandoned past maxBytes. Redirects are not followed: they could carry the credentials to another host.
 */
export async function fetchQueryRange(req: RangeRequest): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const form = new URLSearchParams({
    query: req.promql,
    start: seconds(req.grid.startMs),
    end: seconds(gridEndMs(req.grid)),
    step: seconds(req.grid.stepMs),
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (req.server.authorization) headers.authorization = req.server.authorization;
  let answered = false;
  try {
    const response = await req.fetchImpl(new URL('api/v1/query_range', req.server.base), { method: 'POST', body: form, headers, signal, redirect: 'manual' });
    answered = true;
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const to = response.headers.get('location') ?? 'another address';
      throw new AppFailure('INVALID_ARGUMENT', `Prometheus at ${req.server.shown} redirects to ${to}; use that address instead`, {
        field: 'url',
        code: 'REDIRECT',
      });
    }
    const bytes = await readCapped(response, req);
    if (!response.ok) throw refusal(response, bytes, req);
    return bytes;
  } catch (error) {
    throw networkFailure(error, req, timeout, answered);
  }
}
