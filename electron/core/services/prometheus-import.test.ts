import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFile } from '#shared/importers/dispatch';
import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { importFile } from './import-service';
import { importPrometheus, type PrometheusImportOptions } from './prometheus-import';
import {
  freePort,
  HISTORY_START_S,
  prometheusMissing,
  redirectingServer,
  requestCounters,
  silentServer,
  startPrometheus,
  type TestPrometheus,
} from '../test/prometheus';
import { WorkspaceSession } from './workspace-session';
import { thresholdOnly } from '../storage/repos/catalog-repo';

const missing = prometheusMissing();
const GOOD = 'sum(increase(http_requests_total{code!~"5.."}[5m]))';
const TOTAL = 'sum(increase(http_requests_total[5m]))';
const FROM_MS = (HISTORY_START_S + 600) * 1000;
const STEP_MS = 15_000;
// Three days at a 15 s step: 17,280 steps, so two requests per query at 10,000 steps each.
const STEPS = (3 * 86_400_000) / STEP_MS;
const TO_MS = FROM_MS + (STEPS - 1) * STEP_MS;

let prometheus: TestPrometheus;
let dir: string;
let session: WorkspaceSession;
let sliId: number;
let otherSliId: number;

const request = (over: Partial<Args<'import/prometheus'>> = {}): Args<'import/prometheus'> => ({
  sliId,
  url: prometheus.url,
  query: { kind: 'good-total', good: GOOD, total: TOTAL },
  startMs: FROM_MS,
  endMs: TO_MS,
  stepSeconds: 15,
  onBadRows: 'abort',
  ...over,
});
const run = (over: Partial<Args<'import/prometheus'>> = {}, opts: Partial<PrometheusImportOptions> = {}) =>
  importPrometheus(session, request(over), { now: () => 7, ...opts });
const stored = () => session.series().listImports(sliId);

async function failure(promise: Promise<unknown>): Promise<AppFailure['error']> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error.error;
}

/** Saves Prometheus's own answer for one range as a file, the way a user would with curl. */
async function saveAnswer(query: string, startMs: number, endMs: number, stepSeconds: number, name: string): Promise<string> {
  const params = new URLSearchParams({ query, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepSeconds) });
  const response = await fetch(`${prometheus.url}/api/v1/query_range?${params}`);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await response.arrayBuffer()));
  return path;
}

function readLive(importId: number) {
  const [info] = session.series().listSeries(importId);
  return session.series().readSeries(info!.id);
}

describe('the live Prometheus tests', () => {
  it.skipIf(!process.env.CI)('run in CI, where .ci/run installs Prometheus', () => expect(missing).toBeNull());
});

describe.skipIf(missing !== null)(`importing from a live Prometheus${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    prometheus = await startPrometheus(requestCounters());
  }, 90_000);
  afterAll(async () => prometheus?.stop());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'swb-live-'));
    session = new WorkspaceSession(() => 5);
    session.create(join(dir, 'w.slowb'));
    const addSli = (name: string) =>
      session.edit('setup', null, (repo, now) => {
        const serviceId = repo.insertService(name, '', '', now);
        return { serviceId, value: repo.insertSli(serviceId, name, 'availability', thresholdOnly(null)) };
      });
    sliId = addSli('availability');
    otherSliId = addSli('from-files');
  });
  afterEach(() => {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports three days at a 15 s step in two requests per query, every step exactly once, reporting progress', async () => {
    const progress: [number, number][] = [];
    const summary = await run({}, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(summary).toMatchObject({ status: 'stored', format: 'prometheus-api', accepted: STEPS, rejected: 0, issues: [] });
    expect(summary.fileName).toBe(`prometheus: ${new URL(prometheus.url).host} ${GOOD}`);
    expect(summary.series).toEqual([{ name: 'good/total', points: STEPS, stepMs: STEP_MS, startMs: FROM_MS, endMs: TO_MS }]);
    const live = readLive(summary.importId!);
    const gaps = live.t.slice(1).map((t, i) => t - live.t[i]!);
    expect(new Set(gaps)).toEqual(new Set([STEP_MS]));
    expect(live.good.every((g, i) => g > 0 && g <= live.total[i]!)).toBe(true);
    expect(stored().map((r) => r.format)).toEqual(['prometheus-api']);
  }, 60_000);

  it('gives the same series as importing each sub-range saved as a query_range file', async () => {
    const summary = await run();
    const live = readLive(summary.importId!);
    const bounds = [
      [FROM_MS, FROM_MS + 9_999 * STEP_MS],
      [FROM_MS + 10_000 * STEP_MS, TO_MS],
    ] as const;
    const fromFiles = { t: [] as number[], good: [] as number[], total: [] as number[] };
    for (const [i, [start, end]] of bounds.entries()) {
      for (const [role, query] of [
        ['good', GOOD],
        ['total', TOTAL],
      ] as const) {
        const file = await saveAnswer(query, start, end, 15, `${role}-${i}.json`);
        const [series] = parseFile(readFileSync(file), { format: 'prometheus-json' }).series;
        if (role === 'total') fromFiles.t.push(...series!.t);
        fromFiles[role].push(...series!.total);
      }
    }
    expect([...live.t]).toEqual(fromFiles.t);
    expect([...live.good]).toEqual(fromFiles.good);
    expect([...live.total]).toEqual(fromFiles.total);
    const viaFile = await importFile(
      session,
      { sliId: otherSliId, path: join(dir, 'total-1.json'), onBadRows: 'abort', request: { format: 'prometheus-json' } },
      () => 8,
    );
    const [fileInfo] = session.series().listSeries(viaFile.importId!);
    const fileSeries = session.series().readSeries(fileInfo!.id);
    expect(fileSeries.t).toEqual(live.t.slice(10_000));
    expect(fileSeries.total).toEqual(live.total.slice(10_000));
  }, 60_000);

  it('recognises the same import the second time and stores nothing more', async () => {
    const first = await run({ endMs: FROM_MS + 86_400_000, stepSeconds: 60 });
    const again = await run({ endMs: FROM_MS + 86_400_000, stepSeconds: 60 });
    expect(again).toMatchObject({ status: 'duplicate', importId: first.importId, accepted: first.accepted });
    expect(stored()).toHaveLength(1);
  }, 60_000);

  it('sums the series a query returns into one service-wide count per step', async () => {
    const day = { endMs: FROM_MS + 86_400_000, stepSeconds: 60 };
    const perCode = await run({ ...day, query: { kind: 'good-total', good: GOOD, total: 'increase(http_requests_total[5m])' } });
    const summed = await run({ ...day, sliId: otherSliId });
    const a = readLive(perCode.importId!);
    const b = readLive(summed.importId!);
    expect(a.t).toEqual(b.t);
    a.total.forEach((total, i) => expect(total).toBeCloseTo(b.total[i]!, 6));
  }, 60_000);

  it('turns an error ratio into good = 1 − ratio and total = 1 per step', async () => {
    const day = { endMs: FROM_MS + 86_400_000, stepSeconds: 60 };
    const ratio = await run({ ...day, query: { kind: 'error-ratio', errorRatio: `sum(increase(http_requests_total{code=~"5.."}[5m])) / ${TOTAL}` } });
    const counts = await run({ ...day, sliId: otherSliId });
    expect(ratio.series[0]).toMatchObject({ name: 'error ratio', points: counts.accepted });
    const r = readLive(ratio.importId!);
    const c = readLive(counts.importId!);
    expect(r.t).toEqual(c.t);
    expect(r.total.every((n) => n === 1)).toBe(true);
    r.good.forEach((good, i) => expect(good).toBeCloseTo(c.good[i]! / c.total[i]!, 12));
    expect(Math.min(...r.good)).toBeLessThan(0.8);
  }, 60_000);

  it('keeps the steps present in total, refusing steps without a good sample unless told to skip them', async () => {
    const day = { endMs: FROM_MS + 86_400_000, stepSeconds: 60, query: { kind: 'good-total' as const, good: `${GOOD} unless on() hour() == 5`, total: TOTAL } };
    const refused = await run(day);
    expect(refused).toMatchObject({ status: 'refused', importId: null, rejected: 60 });
    expect(refused.issues.map((i) => i.code)).toEqual(['GOOD_MISSING']);
    expect(refused.issues[0]!.message).toContain('60 steps from 2024-03-01 05:00 UTC have a total but no good sample');
    expect(stored()).toEqual([]);
    const skipped = await run({ ...day, onBadRows: 'skip' });
    expect(skipped).toMatchObject({ status: 'stored', accepted: 1441 - 60, rejected: 60 });
    expect([...readLive(skipped.importId!).t].some((t) => new Date(t).getUTCHours() === 5)).toBe(false);
  }, 60_000);

  it("surfaces Prometheus's error for an invalid query, naming the query and range, and stores nothing", async () => {
    const error = await failure(run({ query: { kind: 'good-total', good: 'sum(rate(http_requests_total[5m]', total: TOTAL } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'query.good', code: 'PROMETHEUS_ERROR', errorType: 'bad_data' } });
    expect(error.message).toMatch(
      /^Prometheus refused the good query sum\(rate\(http_requests_total\[5m\] \(2024-03-01 00:10 UTC → 2024-03-02 17:49 UTC\): bad_data: .*parse error/,
    );
    expect(stored()).toEqual([]);
  }, 60_000);

  it('abandons an answer larger than the byte cap while it streams', async () => {
    const error = await failure(run({}, { limits: { maxResponseBytes: 50_000 } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'query.good', code: 'TOO_LARGE' } });
    expect(error.message).toMatch(/^Prometheus at http:\/\/127\.0\.0\.1:\d+ sent more than 50000 bytes for the good query/);
    expect(stored()).toEqual([]);
  }, 60_000);

  it('stores nothing when cancelled between requests', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const error = await failure(
      run(
        {},
        {
          signal: controller.signal,
          limits: { maxPointsPerQuery: 2000 },
          onProgress: (done) => {
            progress.push(done);
            if (done === 3) controller.abort();
          },
        },
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(stored()).toEqual([]);
  }, 60_000);

  it('times out on a server that accepts the connection and never answers', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const error = await failure(run({ url: silent.url }, { limits: { requestTimeoutMs: 500 } }));
      expect(error).toMatchObject({ code: 'IO_ERROR', details: { field: 'url', code: 'TIMEOUT' } });
      expect(error.message).toMatch(new RegExp(`^Prometheus at ${silent.url} did not answer within 0\\.5 s`));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(stored()).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  it('says it could not connect when nothing listens on the port', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(run({ url }));
    expect(error).toEqual({
      code: 'IO_ERROR',
      message: `Could not connect to Prometheus at ${url} (connection refused); nothing was stored`,
      details: { field: 'url', code: 'UNREACHABLE' },
    });
  });

  it('does not follow a redirect, which could carry credentials to another host', async () => {
    const redirecting = await redirectingServer('http://elsewhere.invalid/');
    try {
      const error = await failure(run({ url: redirecting.url.replace('http://', 'http://user:secret@') }));
      expect(error.message).toBe(`Prometheus at ${redirecting.url} redirects to http://elsewhere.invalid/; use that address instead`);
    } finally {
      await redirecting.close();
    }
  });
});

describe('refusing a live import before asking anything', () => {
  const never = (() => {
    throw new Error('no request may be sent');
  }) as unknown as typeof fetch;
  const base = {
    sliId: 1,
    url: 'http://127.0.0.1:9090',
    query: { kind: 'good-total', good: 'a', total: 'b' },
    startMs: 0,
    endMs: 3_600_000,
    stepSeconds: 60,
    onBadRows: 'abort',
  } as const;
  const cases: [string, Partial<Args<'import/prometheus'>>, string, RegExp][] = [
    ['a scheme other than http or https', { url: 'ftp://example.com' }, 'url', /^Prometheus is reached over http or https, not ftp$/],
    ['an end before the start', { endMs: 0 }, 'endMs', /^The end \(1970-01-01 00:00 UTC\) must be after the start/],
    ['a step longer than the range', { stepSeconds: 7200 }, 'stepSeconds', /^The step \(7200 s\) is longer than the range \(3600 s\)/],
    [
      'more steps than one import may hold',
      { endMs: 366 * 86_400_000, stepSeconds: 1 },
      'stepSeconds',
      /is 31622401 steps, more than the 3000000 one import may hold; choose a step of at least 11 s/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, over, field, message) => {
    const error = await failure(importPrometheus(new WorkspaceSession(), { ...base, ...over }, { now: () => 1, fetchImpl: never }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
    expect(error.message).toMatch(message);
  });
});
