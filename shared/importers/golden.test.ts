// Golden files of the importers: fixtures/golden/<importer id>/<case>/ holds an input file (input.*), optionally the
// parse request (request.json: the format, "auto" to test detection, and the format's options), and expected.json,
// the whole parse result (counts kept, rejected and merged, every issue with its line, every sample), compared exactly.
//
// After a deliberate change to what an importer returns, rewrite the expected files and review their diff:
//   UPDATE_GOLDEN=1 npx vitest run shared/importers/golden.test.ts
// (UPDATE_GOLDEN=1 npm run test:unit does the same as part of the whole suite.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile, type ParseRequest } from './dispatch';
import { IMPORTERS } from './registry';
import type { LatencyData, ParseResult } from './types';

const GOLDEN = fileURLToPath(new URL('../../fixtures/golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A latency series' kept data as plain numbers. */
function latencyJson(latency: LatencyData): unknown {
  if (latency.kind === 'values') return { kind: 'values', unit: latency.unit, valuesMs: [...latency.valuesMs] };
  return { kind: 'counts', unit: latency.unit, boundsMs: latency.boundsMs, atOrBelow: latency.atOrBelow.map((counts) => [...counts]) };
}

/** A parse result as its golden file holds it: every count, issue and sample, with each sample's time also in ISO 8601. */
function goldenJson(result: ParseResult): unknown {
  return {
    format: result.format,
    accepted: result.accepted,
    rejected: result.rejected,
    merged: result.merged,
    issues: result.issues,
    series: result.series.map((s) => ({
      name: s.name,
      stepMs: s.stepMs,
      samples: [...s.t].map((t, i) => [new Date(t).toISOString(), s.good[i], s.total[i]]),
      ...(s.latency ? { latency: latencyJson(s.latency) } : {}),
    })),
  };
}

/** The text of a golden file: two-space JSON with a final line break. */
function goldenText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Where two JSON values differ, as paths with both values ("series[0].samples[1][1]: expected 9, got 8"); empty when equal. */
function goldenDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (Object.is(expected, actual)) return [];
  const bothObjects = typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    return [`${path === '' ? '(the whole result)' : path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
  return keys.flatMap((key) => goldenDifferences(e[key], a[key], Array.isArray(expected) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`));
}

/** Why a parse result does not match its expected file, or nothing when the file holds exactly its text. */
function goldenMismatches(actual: ParseResult, expectedText: string): string[] {
  const actualText = goldenText(goldenJson(actual));
  if (actualText === expectedText) return [];
  let expected: unknown;
  try {
    expected = JSON.parse(expectedText);
  } catch {
    return ['the expected file is not JSON'];
  }
  const differences = goldenDifferences(expected, JSON.parse(actualText));
  return differences.length > 0 ? differences : ['the expected file holds the same values laid out differently'];
}

type GoldenCase = { importer: string; name: string; dir: string; input: string };

function goldenCases(): GoldenCase[] {
  return IMPORTERS.flatMap((importer) => {
    const folder = join(GOLDEN, importer.id);
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => {
        const dir = join(folder, entry.name);
        const input = readdirSync(dir).find((file) => file.startsWith('input.'));
        if (input === undefined) throw new Error(`${dir} has no input file (input.csv, input.json, …)`);
        return { importer: importer.id, name: entry.name, dir, input: join(dir, input) };
      });
  });
}

function requestOf(c: GoldenCase): ParseRequest {
  const file = join(c.dir, 'request.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ParseRequest) : { format: c.importer as ParseRequest['format'] };
}

const cases = goldenCases();

describe('the importers against their golden files', () => {
  it('has golden cases for every importer, malformed ones included', () => {
    const counts = Object.fromEntries(IMPORTERS.map((importer) => [importer.id, cases.filter((c) => c.importer === importer.id).length]));
    for (const importer of IMPORTERS) expect(counts[importer.id], `golden cases of ${importer.id}`).toBeGreaterThanOrEqual(4);
    for (const importer of IMPORTERS) {
      const refused = cases.filter(
        (c) =>
          c.importer === importer.id &&
          existsSync(join(c.dir, 'expected.json')) &&
          readFileSync(join(c.dir, 'expected.json'), 'utf8').includes('"severity": "error"'),
      );
      expect(refused.length, `malformed golden cases of ${importer.id}`).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(cases.map((c) => [`${c.importer}/${c.name}`, c] as const))('%s', (_label, c) => {
    const result = parseFile(new Uint8Array(readFileSync(c.input)), requestOf(c));
    const file = join(c.dir, 'expected.json');
    if (UPDATE) writeFileSync(file, goldenText(goldenJson(result)));
    if (!existsSync(file)) throw new Error(`${file} is missing: write it with UPDATE_GOLDEN=1 npx vitest run shared/importers/golden.test.ts`);
    expect(goldenMismatches(result, readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the golden comparison', () => {
  const result: ParseResult = {
    format: 'csv',
    series: [{ name: 'good', stepMs: 60_000, t: Float64Array.of(0, 60_000), good: Float64Array.of(9, 10), total: Float64Array.of(10, 10) }],
    issues: [{ severity: 'error', code: 'BAD_NUMBER', message: 'Line 3, column 2: "x" is not a number', line: 3, column: 2 }],
    accepted: 2,
    rejected: 1,
    merged: 0,
  };

  const expectedText = goldenText(goldenJson(result));

  it('finds nothing to report when the expected file holds the same result', () => {
    expect(goldenMismatches(result, expectedText)).toEqual([]);
  });

  it('names each place an expected file differs: a count, an issue line, a sample', () => {
    const expected = JSON.parse(expectedText) as { accepted: number; issues: { line: number }[]; series: { samples: unknown[][] }[] };
    expected.accepted = 3;
    expected.issues[0]!.line = 4;
    expected.series[0]!.samples[1]![1] = 8;
    expect(goldenMismatches(result, goldenText(expected))).toEqual([
      'accepted: expected 3, got 2',
      'issues[0].line: expected 4, got 3',
      'series[0].samples[1][1]: expected 8, got 10',
    ]);
  });

  it('names a series the expected file lacks', () => {
    const expected = { ...(JSON.parse(expectedText) as object), series: [] };
    expect(goldenMismatches(result, goldenText(expected))).toEqual([
      'series[0]: expected undefined, got {"name":"good","stepMs":60000,"samples":[["1970-01-01T00:00:00.000Z",9,10],["1970-01-01T00:01:00.000Z",10,10]]}',
    ]);
  });

  it('refuses an expected file with the same values laid out otherwise, or one that is not JSON', () => {
    expect(goldenMismatches(result, JSON.stringify(JSON.parse(expectedText)))).toEqual(['the expected file holds the same values laid out differently']);
    expect(goldenMismatches(result, expectedText.slice(0, 40))).toEqual(['the expected file is not JSON']);
  });
});
