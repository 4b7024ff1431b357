import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceDb, openWorkspaceDb } from '../db';
import { CHUNK_POINTS, SeriesRepo } from './series-repo';

let dir: string;
let path: string;
let db: Database.Database;
let repo: SeriesRepo;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-series-'));
  path = join(dir, 'w.slowb');
  db = createWorkspaceDb(path).db;
  db.exec(`INSERT INTO services (id, name, created_at, updated_at) VALUES (1, 'checkout', 0, 0);
    INSERT INTO slis (id, service_id, name, kind, position) VALUES (11, 1, 'availability', 'availability', 1), (12, 1, 'latency', 'latency', 2);`);
  repo = new SeriesRepo(db);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function reopen(): void {
  db.close();
  db = openWorkspaceDb(path).db;
  repo = new SeriesRepo(db);
}

const anImport = (sha256 = 'ab', sliId = 11) =>
  repo.insertImport({ sliId, sha256, fileName: 'checkout.csv', format: 'csv', parserVersion: 2, acceptedRows: 3, rejectedRows: 1, startedAt: 1_000 });
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('the series repository on a workspace file', () => {
  it('records an import as running, then done, and finds it again by its SLI and the SHA-256 of its bytes', () => {
    const id = anImport();
    expect(repo.interruptedImports().map((r) => r.id)).toEqual([id]);
    repo.finishImport(id, 2_000);
    reopen();
    expect(repo.findImport(11, 'ab')).toEqual({
      id,
      sliId: 11,
      sha256: 'ab',
      fileName: 'checkout.csv',
      format: 'csv',
      parserVersion: 2,
      acceptedRows: 3,
      rejectedRows: 1,
      mergedRows: 0,
      startedAt: 1_000,
      finishedAt: 2_000,
      status: 'done',
    });
    expect(repo.interruptedImports()).toEqual([]);
    expect(repo.listImports(11).map((r) => r.id)).toEqual([id]);
  });

  it('refuses the same bytes twice for one SLI, and accepts them for another', () => {
    anImport('ab', 11);
    expect(() => anImport('ab', 11)).toThrow(/UNIQUE constraint failed: imports.sli_id, imports.sha256/);
    expect(anImport('ab', 12)).toBeGreaterThan(0);
  });

  it('answers nothing for an unknown import or series, and an empty series for unknown samples', () => {
    expect(repo.findImport(11, 'none')).toBeUndefined();
    expect(repo.getImport(404)).toBeUndefined();
    expect(repo.getSeries(404)).toBeUndefined();
    expect(repo.listSeries(404)).toEqual([]);
    expect(repo.readSeries(404)).toEqual({ t: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) });
    expect(repo.readLatency(404)).toBeNull();
  });

  it('stores a series of two weeks and a minute in three chunks and reads every sample back bit for bit', () => {
    const n = 2 * CHUNK_POINTS + 1;
    const t = Float64Array.from({ length: n }, (_, i) => 1_767_225_600_000 + i * 60_000);
    const good = Float64Array.from({ length: n }, (_, i) => (i === 0 ? -0 : i === 1 ? Number.NaN : i === 2 ? Number.MIN_VALUE : 999 + 1 / (i + 3)));
    const total = Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? 2 ** 53 + 2 : 1000.1));
    const importId = anImport();
    const id = repo.insertSeries(importId, { name: 'availability', stepMs: 60_000, t, good, total });
    reopen();
    expect(db.prepare('SELECT chunk_index, points, length(t) AS bytes FROM series_chunks WHERE series_id = ? ORDER BY chunk_index').all(id)).toEqual([
      { chunk_index: 0, points: CHUNK_POINTS, bytes: CHUNK_POINTS * 8 },
      { chunk_index: 1, points: CHUNK_POINTS, bytes: CHUNK_POINTS * 8 },
      { chunk_index: 2, points: 1, bytes: 8 },
    ]);
    const read = repo.readSeries(id);
    expect([bytes(read.t).equals(bytes(t)), bytes(read.good).equals(bytes(good)), bytes(read.total).equals(bytes(total))]).toEqual([true, true, true]);
    expect(Object.is(read.good[0], -0)).toBe(true);
    expect(repo.getSeries(id)).toEqual({ id, importId, name: 'availability', stepMs: 60_000, points: n, startMs: t[0], endMs: t[n - 1], latency: null });
  });

  it('stores an empty series with no time span, and refuses columns of different lengths', () => {
    const importId = anImport();
    const id = repo.insertSeries(importId, { name: 'empty', stepMs: null, t: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) });
    expect(repo.getSeries(id)).toMatchObject({ points: 0, startMs: null, endMs: null, stepMs: null });
    expect(repo.readSeries(id).t.length).toBe(0);
    expect(() =>
      repo.insertSeries(importId, { name: 'bad', stepMs: 1, t: Float64Array.of(1, 2), good: Float64Array.of(1), total: Float64Array.of(1, 1) }),
    ).toThrow('series "bad": columns differ in length');
  });

  it('keeps latency counts beside a series across chunk boundaries, and refuses a count that is not a whole number', () => {
    const n = CHUNK_POINTS + 2;
    const t = Float64Array.from({ length: n }, (_, i) => i * 60_000);
    const total = Float64Array.from({ length: n }, () => 10);
    const fast = Float64Array.from({ length: n }, (_, i) => i % 10);
    const slow = Float64Array.from({ length: n }, (_, i) => Math.min(10, (i % 10) + 1));
    const importId = anImport('cd', 12);
    const id = repo.insertSeries(importId, {
      name: 'latency',
      stepMs: 60_000,
      t,
      good: slow,
      total,
      latency: { kind: 'counts', unit: 'ms', boundsMs: [100, 250], atOrBelow: [fast, slow] },
    });
    reopen();
    expect(repo.getSeries(id)?.latency).toEqual({ kind: 'counts', unit: 'ms', bounds: 2 });
    expect(repo.readLatency(id)).toEqual({ kind: 'counts', unit: 'ms', boundsMs: [100, 250], atOrBelow: [fast, slow] });
    expect(() =>
      repo.insertSeries(importId, {
        name: 'half',
        stepMs: 60_000,
        t: Float64Array.of(0),
        good: Float64Array.of(1),
        total: Float64Array.of(1),
        latency: { kind: 'counts', unit: 'ms', boundsMs: [100], atOrBelow: [Float64Array.of(0.5)] },
      }),
    ).toThrow(/latency count 0.5 is not a whole number of requests/);
  });

  it('deletes an import with its series, chunks and latency', () => {
    const importId = anImport();
    repo.insertSeries(importId, {
      name: 's',
      stepMs: 60_000,
      t: Float64Array.of(0, 60_000),
      good: Float64Array.of(1, 1),
      total: Float64Array.of(1, 1),
      latency: { kind: 'values', unit: 'ms', valuesMs: Float64Array.of(5, 6) },
    });
    repo.deleteImport(importId);
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    expect(['imports', 'series', 'series_chunks', 'series_latency', 'series_latency_chunks'].map(count)).toEqual([0, 0, 0, 0, 0]);
  });
});
