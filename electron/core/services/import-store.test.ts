import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParseResult, ParsedSeries } from '#shared/importers/types';
import { CHUNK_POINTS } from '../storage/repos/series-repo';
import { storeImport } from './import-store';
import { WorkspaceSession } from './workspace-session';
import { thresholdOnly } from '../storage/repos/catalog-repo';

let dir: string;
let session: WorkspaceSession;
let sliId: number;

function series(name: string, n: number, start = 1_700_000_000_000): ParsedSeries {
  const t = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = start + i * 60_000;
    total[i] = 1000 + (i % 7);
    good[i] = total[i]! - (i % 13 === 0 ? 3 : 0);
  }
  return { name, stepMs: 60_000, t, good, total };
}

const result = (s: ParsedSeries[], extra: Partial<ParseResult> = {}): ParseResult => ({
  format: 'csv',
  series: s,
  issues: [],
  accepted: s.reduce((n, x) => n + x.t.length, 0),
  rejected: 0,
  merged: 0,
  ...extra,
});

function counts(): Record<string, number> {
  const db = new Database(join(dir, 'w.slowb'), { readonly: true });
  const out = Object.fromEntries(['imports', 'series', 'series_chunks'].map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
  db.close();
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-import-'));
  session = new WorkspaceSession(() => 5);
  session.create(join(dir, 'w.slowb'));
  sliId = session.edit('setup', null, (repo, now) => {
    const serviceId = repo.insertService('api', '', '', now);
    return { serviceId, value: repo.insertSli(serviceId, 'availability', 'availability', thresholdOnly(null)) };
  });
});

afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storing an import', () => {
  it('stores series across several chunks and reads back exactly the same samples', () => {
    const s = series('requests', CHUNK_POINTS * 2 + 17);
    const out = storeImport(session, { sliId, sha256: 'a'.repeat(64), fileName: 'x.csv', parserVersion: 1, result: result([s]), onBadRows: 'abort' }, () => 9);
    expect(out.status).toBe('stored');
    const [info] = session.series().listSeries(out.status === 'stored' ? out.record.id : -1);
    expect(info).toMatchObject({ name: 'requests', points: s.t.length, stepMs: 60_000, startMs: s.t[0], endMs: s.t.at(-1) });
    const back = session.series().readSeries(info!.id);
    expect(back.t).toEqual(s.t);
    expect(back.good).toEqual(s.good);
    expect(back.total).toEqual(s.total);
    expect(counts()).toEqual({ imports: 1, series: 1, series_chunks: 3 });
    expect(session.series().listImports(sliId)[0]).toMatchObject({ status: 'done', acceptedRows: s.t.length, finishedAt: 9 });
  });

  it('recognises the same bytes imported twice and stores nothing the second time', () => {
    const req = { sliId, sha256: 'b'.repeat(64), fileName: 'x.csv', parserVersion: 1, result: result([series('r', 100)]), onBadRows: 'abort' as const };
    storeImport(session, req, () => 1);
    const before = counts();
    expect(storeImport(session, req, () => 2).status).toBe('duplicate');
    expect(counts()).toEqual(before);
  });

  it('stores nothing when bad rows were found and the user chose to abort, and keeps the good rows when told to skip', () => {
    const bad = result([series('r', 50)], { rejected: 2, issues: [{ severity: 'error', code: 'BAD_NUMBER', message: 'x', line: 4, column: 2 }] });
    expect(
      storeImport(session, { sliId, sha256: 'c'.repeat(64), fileName: 'x.csv', parserVersion: 1, result: bad, onBadRows: 'abort' }, () => 1),
    ).toMatchObject({ status: 'refused', issues: [{ code: 'BAD_NUMBER', line: 4 }] });
    expect(counts()).toEqual({ imports: 0, series: 0, series_chunks: 0 });
    const skipped = storeImport(session, { sliId, sha256: 'c'.repeat(64), fileName: 'x.csv', parserVersion: 1, result: bad, onBadRows: 'skip' }, () => 1);
    expect(skipped).toMatchObject({ status: 'stored', record: { rejectedRows: 2 } });
  });

  it('leaves the workspace exactly as it was when storing fails part-way (R12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (brokenAt) => {
        const before = counts();
        const all = [0, 1, 2, 3].map((i) => series(`s${i}`, 200 + i));
        // A series whose columns disagree makes insertSeries throw at that point, after earlier series were written.
        all[brokenAt] = { ...all[brokenAt]!, good: new Float64Array(1) };
        expect(() =>
          storeImport(
            session,
            { sliId, sha256: `${brokenAt}`.padEnd(64, 'f'), fileName: 'x.csv', parserVersion: 1, result: result(all), onBadRows: 'abort' },
            () => 1,
          ),
        ).toThrow();
        expect(counts()).toEqual(before);
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it('refuses a file without usable samples', () => {
    expect(
      storeImport(
        session,
        { sliId, sha256: 'd'.repeat(64), fileName: 'empty.csv', parserVersion: 1, result: result([series('r', 0)]), onBadRows: 'skip' },
        () => 1,
      ),
    ).toMatchObject({ status: 'refused', issues: [{ code: 'NO_DATA', message: 'empty.csv holds no usable samples' }] });
  });
});

describe('the store refuses what no importer should give it', () => {
  const store = (s: ParsedSeries) =>
    storeImport(session, { sliId, sha256: 'f'.repeat(64), fileName: 'x.json', parserVersion: 1, result: result([s]), onBadRows: 'skip' }, () => 9);

  it('refuses a series with a time outside 1970–2200, naming it, and writes nothing', () => {
    const s = series('far', 3);
    s.t[2] = 1e18;
    const out = store(s);
    expect(out.status).toBe('refused');
    expect(out.status === 'refused' ? out.issues.at(-1) : null).toEqual({
      severity: 'error',
      code: 'TIME_OUT_OF_RANGE',
      message:
        'Series "far", sample 3: the time 1000000000000000000 ms since 1970 is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC); nothing was stored',
    });
    expect(counts()).toEqual({ imports: 0, series: 0, series_chunks: 0 });
  });

  it('refuses times that do not strictly increase, and names longer than 256 characters', () => {
    const s = series('back', 3);
    s.t[2] = s.t[1]!;
    const out = store(s);
    expect(out.status === 'refused' ? out.issues.at(-1)!.message : '').toBe(
      'Series "back", sample 3: its time 2023-11-14T22:14:20.000Z is not after the one before; nothing was stored',
    );
    const long = store(series('n'.repeat(257), 2));
    expect(long.status === 'refused' ? long.issues.at(-1)!.code : '').toBe('SERIES_NAME_TOO_LONG');
    expect(counts()).toEqual({ imports: 0, series: 0, series_chunks: 0 });
  });

  it('records the rows merged as duplicates with the import', () => {
    const out = storeImport(
      session,
      { sliId, sha256: 'e'.repeat(64), fileName: 'x.csv', parserVersion: 1, result: result([series('a', 5)], { merged: 3 }), onBadRows: 'abort' },
      () => 9,
    );
    expect(out.status === 'stored' ? [out.record.acceptedRows, out.record.rejectedRows, out.record.mergedRows] : null).toEqual([5, 0, 3]);
  });
});
