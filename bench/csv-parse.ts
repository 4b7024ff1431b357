// CSV parse throughput (reference/performance.md §2.1): parseCsv over a generated 1M-row `timestamp,good,total`
// (epoch ms) text already in memory, as a ratio to a bare charCodeAt scan of the same text counting delimiters.
import { parseCsv } from '../shared/importers/csv/parse';
import { medianMs, report, type Measurement } from './measure';

const ROWS = 1_000_000;
const RUNS = 7;
const WARMUP = 2;

/** A 1M-row CSV of one sample a minute from 2024-01-01, with total around 1,000 and a few bad events. */
function generate(rows = ROWS): string {
  const parts: string[] = ['timestamp,good,total'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const total = 1_000 + (i % 97);
    parts.push(`${start + i * 60_000},${total - (i % 13 === 0 ? i % 7 : 0)},${total}`);
  }
  return parts.join('\n') + '\n';
}

function byteScan(text: string): number {
  let delimiters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10) delimiters++;
  }
  return delimiters;
}

/** Rows per second of parseCsv (scan, strict numbers, checks, typed columns, normalisation) against the bare scan. */
export function benchCsvParse(): Measurement[] {
  const text = generate();
  let rows = 0;
  let delimiters = 0;
  const parseMs = medianMs(() => {
    const result = parseCsv(text, { kind: 'good-total', time: 'timestamp', good: 'good', total: 'total' }, { timeFormat: 'epoch-ms', delimiter: ',', hasHeader: true });
    rows = result.accepted;
  }, RUNS, WARMUP);
  const scanMs = medianMs(() => { delimiters = byteScan(text); }, RUNS, WARMUP);
  if (rows !== ROWS || delimiters !== 3 * (ROWS + 1)) throw new Error(`csv-parse: read ${rows} rows and ${delimiters} delimiters`);
  // Milliseconds for the same 1M rows, so the ratio (parse / bare scan) is lower-is-better like every benchmark's.
  const rowsPerSecond = Math.round(ROWS / (parseMs / 1000));
  return [report({ name: `csv-parse-1m-rows (${rowsPerSecond} rows/s)`, value: parseMs, unit: 'ms', baseline: scanMs, target: 'ratio <= 3' })];
}
