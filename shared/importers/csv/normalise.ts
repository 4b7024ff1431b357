// Normalisation of imported samples: sorted by time, one sample per time (the last in the file wins), strictly
// increasing times; out-of-order rows, duplicates and gaps longer than twice the median step are reported as warnings.
import { medianStep } from '../../domain/step';
import { describeTime } from '../bounds';
import type { ParsedSeries } from '../types';
import type { IssueLog } from './issues';

/** Samples as read, in file order: times in UTC ms, good and total, and the 1-based line each came from. */
export type RawSamples = { t: Float64Array; good: Float64Array; total: Float64Array; line: Float64Array; length: number };

/** Rows per gathering chunk (512 KB per column). */
const CHUNK_ROWS = 65_536;

/** Collects samples in file order and joins them (once, by `finish`) into exact-length columns, so nothing is regrown or copied twice. */
export type SampleGatherer = { add: (t: number, good: number, total: number, line: number) => void; finish: () => RawSamples };

/** A new, empty gatherer: fixed chunks per column, joined at the end with one block copy each. */
export function createSampleGatherer(): SampleGatherer {
  const full: Float64Array[][] = [];
  let [t, good, total, line] = [0, 1, 2, 3].map(() => new Float64Array(CHUNK_ROWS)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  let at = 0;
  // Kept out of `add` so that stays small enough to be inlined into the caller's loop.
  const nextChunk = (): void => {
    full.push([t, good, total, line]);
    [t, good, total, line] = [new Float64Array(CHUNK_ROWS), new Float64Array(CHUNK_ROWS), new Float64Array(CHUNK_ROWS), new Float64Array(CHUNK_ROWS)];
    at = 0;
  };
  return {
    add(ti, goodi, totali, linei) {
      if (at === CHUNK_ROWS) nextChunk();
      t[at] = ti;
      good[at] = goodi;
      total[at] = totali;
      line[at] = linei;
      at++;
    },
    finish() {
      const length = full.length * CHUNK_ROWS + at;
      const columns = [t, good, total, line].map((last, c) => {
        const out = new Float64Array(length);
        full.forEach((chunk, k) => out.set(chunk[c]!, k * CHUNK_ROWS));
        out.set(last.subarray(0, at), full.length * CHUNK_ROWS);
        return out;
      });
      return { t: columns[0]!, good: columns[1]!, total: columns[2]!, line: columns[3]!, length };
    },
  };
}

const iso = describeTime;

/**
 * How normalisation names where a sample came from: CSV rows by their line (the default), samples of a JSON file by
 * their place, e.g. "sample 3 of series 2". `lines` says whether the number is a line, set as the issue's `line`.
 */
export type SampleLocator = { row: string; rows: string; at: (n: number) => string; pair: (a: number, b: number) => string; lines: boolean };

/** Rows of a text file, located by line. */
export const BY_LINE: SampleLocator = { row: 'row', rows: 'rows', at: (n) => `line ${n}`, pair: (a, b) => `Lines ${a} and ${b}`, lines: true };

/**
 * Sorts, de-duplicates and checks the samples, reporting to the log, and returns the series. Rows merged as
 * duplicates are raw.length − series.t.length, each also a DUPLICATE_TIMESTAMP warning.
 */
export function normaliseSamples(name: string, raw: RawSamples, log: IssueLog, where: SampleLocator = BY_LINE): ParsedSeries {
  const place = (n: number): { line: number } | Record<string, never> => (where.lines ? { line: n } : {});
  const n = raw.length;
  let outOfOrder = 0;
  let firstOutOfOrder = 0;
  let repeated = 0;
  for (let i = 1; i < n; i++) {
    if (raw.t[i]! < raw.t[i - 1]!) {
      if (outOfOrder === 0) firstOutOfOrder = raw.line[i]!;
      outOfOrder++;
    } else if (raw.t[i] === raw.t[i - 1]) repeated++;
  }
  const inOrder = outOfOrder === 0 && repeated === 0;
  let order: Uint32Array | null = null;
  if (outOfOrder > 0) {
    log.add({
      severity: 'warning',
      code: 'OUT_OF_ORDER',
      ...place(firstOutOfOrder),
      message: `${outOfOrder} ${where.rows} come earlier in time than the ${where.row} before them (first at ${where.at(firstOutOfOrder)}); the samples were sorted by time`,
    });
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    // Ties keep file order, so the last row of a duplicated time comes last.
    order = idx.sort((a, b) => raw.t[a]! - raw.t[b]! || a - b);
  }
  // Already strictly increasing (the usual case): the columns are used as they are.
  const t = inOrder ? raw.t : new Float64Array(n);
  const good = inOrder ? raw.good : new Float64Array(n);
  const total = inOrder ? raw.total : new Float64Array(n);
  const lines = inOrder ? raw.line : new Float64Array(n);
  let k = inOrder ? n : 0;
  for (let j = 0; j < n && !inOrder; j++) {
    const i = order === null ? j : order[j]!;
    const ti = raw.t[i]!;
    if (k > 0 && t[k - 1] === ti) {
      const [kept, merged] = [raw.line[i]!, lines[k - 1]!];
      log.add({
        severity: 'warning',
        code: 'DUPLICATE_TIMESTAMP',
        ...place(kept),
        message: `${where.pair(merged, kept)} have the same time ${iso(ti)}; ${where.at(kept)} is kept and ${where.at(merged)} counts as merged`,
      });
      k--;
    }
    t[k] = ti;
    good[k] = raw.good[i]!;
    total[k] = raw.total[i]!;
    lines[k] = raw.line[i]!;
    k++;
  }
  // Columns are exact-length; only rows dropped as duplicates leave a tail to cut off.
  const cut = (a: Float64Array): Float64Array => (k === a.length ? a : a.slice(0, k));
  const series: ParsedSeries = { name, stepMs: null, t: cut(t), good: cut(good), total: cut(total) };
  series.stepMs = medianStep(series.t);
  const step = series.stepMs;
  if (step !== null && step > 0) {
    let gaps = 0;
    let longest = 0;
    let at = 0;
    for (let i = 1; i < k; i++) {
      const d = t[i]! - t[i - 1]!;
      if (d > 2 * step) {
        gaps++;
        if (d > longest) {
          longest = d;
          at = i;
        }
      }
    }
    if (gaps > 0) {
      log.add({
        severity: 'warning',
        code: 'GAP',
        ...place(lines[at]!),
        message: `${gaps} gaps longer than twice the usual step of ${step / 1000} s; the longest is ${longest / 60_000} minutes, from ${iso(t[at - 1]!)} to ${iso(t[at]!)} (${where.at(lines[at]!)})`,
      });
    }
  }
  return series;
}
