import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseFile } from './dispatch';
import { ALL_ZONES_SERIES, detectNginxStatus, maxLineLength, parseNginxStatus } from './nginx-status';
import { DEFAULT_LIMITS } from './types';

const HISTORIES = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
const NGINX = join(HISTORIES, 'nginx-status.jsonl');
const RUNS = { numRuns: 200, seed: 20_151_031 };
const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

/** One status document as NGINX Plus writes it, reduced to what the importer reads (plus a distracting upstream). */
function snapshot(timestamp: number, zones: Record<string, [total: number, fives: number]>, generation = 3): string {
  const serverZones = Object.fromEntries(
    Object.entries(zones).map(([name, [total, fives]]) => [
      name,
      {
        processing: 0,
        requests: total,
        responses: { '1xx': 0, '2xx': total - fives, '3xx': 0, '4xx': 0, '5xx': fives, total },
      },
    ]),
  );
  return JSON.stringify({
    version: 6,
    nginx_version: '1.9.4',
    generation,
    load_timestamp: 1_445_680_800_424,
    timestamp,
    pid: 64_857,
    requests: { total: 1, current: 0 },
    server_zones: serverZones,
    upstreams: { backend: { peers: [{ responses: { '5xx': 999, total: 1 } }] } },
  });
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Doc = { timestamp: number; generation: number; load_timestamp: number; server_zones: Record<string, { responses: Record<string, number> }> };

describe('NGINX Plus status importer', () => {
  const text = readFileSync(NGINX, 'utf8');
  const docs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Doc);
  const result = parseNginxStatus(text);
  const byName = new Map(result.series.map((series) => [series.name, series]));

  it('reads every snapshot of the fixture file, with one interval per consecutive pair', () => {
    expect(detectNginxStatus(text)).toBe(true);
    expect(result.issues).toEqual([]);
    expect(docs).toHaveLength(60);
    expect(result.accepted).toBe(docs.length);
    expect(result.rejected).toBe(0);
    expect(result.series.map((s) => s.name)).toEqual([ALL_ZONES_SERIES, ...Object.keys(docs[0]!.server_zones)]);
    const times = docs.map((doc) => doc.timestamp);
    const steps = times
      .slice(1)
      .map((t, i) => t - times[i]!)
      .sort((a, b) => a - b);
    for (const series of result.series) {
      expect([...series.t]).toEqual(times.slice(1));
      expect(series.stepMs).toBe(steps[Math.floor((steps.length - 1) / 2)]);
      series.good.forEach((good, i) => expect(good).toBeLessThanOrEqual(series.total[i]!));
      expect(series.good.every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
    }
    // Snapshots about 5.1 s apart: the median of the 59 gaps is the 30th smallest.
    expect(result.series[0]!.stepMs).toBe(steps[29]);
    expect(result.series[0]!.stepMs).toBeGreaterThanOrEqual(5000);
    expect(result.series[0]!.stepMs).toBeLessThan(5200);
  });

  it("adds up each zone to its counter's growth over the file, read independently from the raw JSON", () => {
    for (const zone of Object.keys(docs[0]!.server_zones)) {
      const counter = (doc: Doc, key: string) => doc.server_zones[zone]!.responses[key]!;
      // A reset would be a drop or a new generation/load_timestamp between neighbours; the file has none.
      const resets = docs
        .slice(1)
        .filter(
          (doc, i) =>
            counter(doc, 'total') < counter(docs[i]!, 'total') ||
            counter(doc, '5xx') < counter(docs[i]!, '5xx') ||
            doc.generation !== docs[i]!.generation ||
            doc.load_timestamp !== docs[i]!.load_timestamp,
        );
      expect(resets, zone).toEqual([]);
      const [first, last] = [docs[0]!, docs[docs.length - 1]!];
      const series = byName.get(zone)!;
      expect(sum(series.total), zone).toBe(counter(last, 'total') - counter(first, 'total'));
      expect(sum(series.total) - sum(series.good), zone).toBe(counter(last, '5xx') - counter(first, '5xx'));
    }
    // The fixture's zones: api +1134 with +7 5xx, www +806 with none, static +389 with none.
    expect(
      ['api.example.org', 'www.example.org', 'static.example.org'].map((zone) => [
        sum(byName.get(zone)!.total),
        sum(byName.get(zone)!.total) - sum(byName.get(zone)!.good),
      ]),
    ).toEqual([
      [1134, 7],
      [806, 0],
      [389, 0],
    ]);
    const all = byName.get(ALL_ZONES_SERIES)!;
    expect(sum(all.total)).toBe(1134 + 806 + 389);
    all.total.forEach((total, i) => expect(total).toBe(result.series.slice(1).reduce((acc, s) => acc + s.total[i]!, 0)));
  });

  it('is what parseFile returns for the file detected automatically', () => {
    const parsed = parseFile(new Uint8Array(readFileSync(NGINX)), { format: 'auto' });
    expect(parsed.format).toBe('nginx-status');
    expect(parsed.series.map((s) => [s.name, sum(s.total)])).toEqual(result.series.map((s) => [s.name, sum(s.total)]));
  });

  it('claims only the NGINX status file among all the fixture histories, and still knows it from a cut-off first line', () => {
    const claimed = filesUnder(HISTORIES).filter((path) => detectFormat(readFileSync(path, 'utf8')) === 'nginx-status');
    expect(claimed).toEqual([NGINX]);
    // A preview of 400 characters ends inside the first document.
    expect(text.indexOf('\n')).toBeGreaterThan(400);
    expect(detectNginxStatus(text.slice(0, 400))).toBe(true);
    expect(detectNginxStatus('{"nginx_version":"1.9.4"}\n')).toBe(false);
    expect(detectNginxStatus('{"a":{"nginx_version":"1.9.4","server_zones":{}}}\n')).toBe(false);
    expect(detectNginxStatus('\n\n  {"nginx_version":"1.25.0","server_zones":{}}\n')).toBe(true);
    expect(detectFormat('{"status":"success","data":{"resultType":"matrix","result":[]}}')).toBe('prometheus-json');
  });

  it('starts over after a counter drops or nginx reloads, warning with the line and never giving a negative sample', () => {
    const lines = [
      snapshot(1000, { a: [100, 5], b: [10, 0] }),
      snapshot(2000, { a: [150, 6], b: [12, 0] }),
      snapshot(3000, { a: [20, 1], b: [15, 1] }), // a restarted
      snapshot(4000, { a: [30, 1], b: [16, 1] }),
      snapshot(5000, { a: [31, 1], b: [17, 1] }, 4), // reload
      snapshot(6000, { a: [35, 3], b: [20, 1] }, 4),
    ];
    const parsed = parseNginxStatus(lines.join('\n'));
    expect(parsed.issues.map((i) => [i.severity, i.code, i.line])).toEqual([
      ['warning', 'COUNTER_RESET', 3],
      ['warning', 'COUNTER_RESET', 5],
    ]);
    expect(parsed.issues[0]!.message).toContain('"a"');
    const columns = (name: string) => {
      const s = parsed.series.find((series) => series.name === name)!;
      return { t: [...s.t], good: [...s.good], total: [...s.total] };
    };
    expect(columns('a')).toEqual({ t: [2000, 4000, 6000], good: [49, 10, 2], total: [50, 10, 4] });
    expect(columns('b')).toEqual({ t: [2000, 3000, 4000, 6000], good: [2, 2, 1, 3], total: [2, 3, 1, 3] });
    expect(columns(ALL_ZONES_SERIES)).toEqual({ t: [2000, 3000, 4000, 6000], good: [51, 2, 11, 5], total: [52, 3, 11, 7] });
  });

  it('carries an interval whose 5xx rose more than all responses into the next one, and keeps a zone named "all zones" apart', () => {
    const lines = [snapshot(1000, { 'all zones': [10, 0] }), snapshot(2000, { 'all zones': [10, 1] }), snapshot(3000, { 'all zones': [12, 1] })];
    const parsed = parseNginxStatus(lines.join('\n'));
    expect(parsed.issues.map((i) => [i.severity, i.code, i.line])).toEqual([['warning', 'INCONSISTENT_COUNTERS', 2]]);
    expect(parsed.series.map((s) => [s.name, [...s.t], [...s.good], [...s.total]])).toEqual([
      [ALL_ZONES_SERIES, [3000], [1], [2]],
      ['all zones (zone)', [3000], [1], [2]],
    ]);
  });

  it('reports malformed and misordered lines with their line number and reads on', () => {
    const lines = [
      snapshot(1000, { a: [10, 0] }),
      '{"timestamp": 2000, "server_zones": ',
      '',
      snapshot(2000, { a: [12, 1] }),
      'not json',
      JSON.stringify({ nginx_version: '1.9.4', timestamp: '2015-10-31T00:00:00Z', server_zones: {} }),
      JSON.stringify({ nginx_version: '1.9.4', timestamp: 3500, server_zones: { a: { responses: { total: -1, '5xx': 0 } } } }),
      JSON.stringify({ nginx_version: '1.9.4', timestamp: 3600 }),
      '[1, 2]',
      snapshot(1500, { a: [13, 1] }),
      snapshot(2000, { a: [13, 1] }),
      snapshot(3000, { a: [20, 1] }),
    ];
    const parsed = parseNginxStatus(`${lines.join('\r\n')}\r\n`);
    expect(parsed.issues.map((i) => [i.code, i.line])).toEqual([
      ['BAD_LINE', 2],
      ['BAD_LINE', 5],
      ['BAD_TIMESTAMP', 6],
      ['BAD_NUMBER', 7],
      ['BAD_SNAPSHOT', 8],
      ['BAD_LINE', 9],
      ['OUT_OF_ORDER', 10],
      ['DUPLICATE_TIMESTAMP', 11],
    ]);
    expect(parsed.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(parsed.issues[0]).toMatchObject({ column: lines[1]!.length + 1 });
    expect(parsed.issues[0]!.message).not.toContain('server_zones');
    expect(parsed.accepted).toBe(3);
    expect(parsed.rejected).toBe(8);
    expect(parsed.series.map((s) => [s.name, [...s.t], [...s.good], [...s.total]])).toEqual([
      [ALL_ZONES_SERIES, [2000, 3000], [1, 8], [2, 8]],
      ['a', [2000, 3000], [1, 8], [2, 8]],
    ]);
  });

  it('refuses a snapshot whose timestamp lies outside 1970–2200 (year 255479), naming its line, and reads on', () => {
    const t0 = Date.UTC(2015, 9, 31);
    const lines = [snapshot(t0, { a: [1, 0] }), snapshot(8_000_000_000_000_000, { a: [3, 1] }), snapshot(t0 + 60_000, { a: [5, 1] })];
    const parsed = parseNginxStatus(lines.join('\n'));
    expect(parsed.issues).toEqual([
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 2,
        message: '"timestamp": the time +255479-11-28T14:13:20.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      },
    ]);
    expect([parsed.accepted, parsed.rejected]).toEqual([2, 1]);
    expect(parsed.series.map((series) => [series.name, [...series.t], [...series.total]])).toEqual([
      [ALL_ZONES_SERIES, [t0 + 60_000], [4]],
      ['a', [t0 + 60_000], [4]],
    ]);
  });

  it('says why an empty file or a single snapshot gives no data', () => {
    for (const empty of ['', '\n  \n']) {
      const parsed = parseNginxStatus(empty);
      expect(parsed.series).toEqual([]);
      expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'NO_DATA', message: 'The file holds no usable status snapshots' })]);
    }
    const single = parseNginxStatus(`${snapshot(1000, { a: [10, 0] })}\n`);
    expect(single.accepted).toBe(1);
    expect(single.series).toEqual([]);
    expect(single.issues).toEqual([expect.objectContaining({ code: 'NO_DATA' })]);
    expect(single.issues[0]!.message).toContain('at least two consecutive snapshots');
  });

  it('refuses oversized, overlong, too many and too deep input with their own codes', () => {
    const two = [snapshot(1000, { a: [1, 0] }), snapshot(2000, { a: [2, 0] }), snapshot(3000, { a: [3, 0] })].join('\n');
    expect(parseNginxStatus(two, { limits: { ...DEFAULT_LIMITS, maxBytes: 100 } }).issues[0]!.code).toBe('TOO_LARGE');
    const short = { ...DEFAULT_LIMITS, maxFieldLength: 1 };
    expect(maxLineLength(short)).toBe(256);
    expect(parseNginxStatus(two, { limits: short }).issues.map((i) => [i.code, i.line])).toEqual([
      ['LINE_TOO_LONG', 1],
      ['LINE_TOO_LONG', 2],
      ['LINE_TOO_LONG', 3],
      ['NO_DATA', undefined],
    ]);
    const capped = parseNginxStatus(two, { limits: { ...DEFAULT_LIMITS, maxRows: 2 } });
    expect(capped.issues.map((i) => [i.code, i.line])).toEqual([['TOO_MANY_ROWS', 3]]);
    expect(capped.series[0]!.t.length).toBe(1);
    const deep = `${snapshot(1000, { a: [1, 0] })}\n{"x":${'['.repeat(100_000)}\n${snapshot(2000, { a: [2, 0] })}`;
    const parsed = parseNginxStatus(deep);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'TOO_DEEP', line: 2, column: 6 + DEFAULT_LIMITS.maxDepth - 1 })]);
    expect(parsed.series[0]!.total[0]).toBe(1);
  });

  it('counts exactly the increments within each nginx run of random counter histories', () => {
    const step = fc.record({ gapMs: fc.integer({ min: 1, max: 60_000 }), more: fc.nat(500), fives: fc.nat(500), reload: fc.boolean(), restartAt: fc.nat(50) });
    fc.assert(
      fc.property(fc.nat(1000), fc.array(step, { minLength: 1, maxLength: 40 }), (base, steps) => {
        let [time, total, fives, generation] = [1_446_249_499_322, base, 0, 1];
        let [expectedTotal, expectedBad] = [0, 0];
        const lines = [snapshot(time, { z: [total, fives] }, generation)];
        for (const s of steps) {
          time += s.gapMs;
          const bad = Math.min(s.fives, s.more);
          if (s.reload) [generation, total, fives] = [generation + 1, s.restartAt, 0];
          else {
            [total, fives] = [total + s.more, fives + bad];
            [expectedTotal, expectedBad] = [expectedTotal + s.more, expectedBad + bad];
          }
          lines.push(snapshot(time, { z: [total, fives] }, generation));
        }
        const parsed = parseNginxStatus(lines.join('\n'));
        const z = parsed.series.find((series) => series.name === 'z');
        expect(sum(z?.total ?? new Float64Array())).toBe(expectedTotal);
        expect(sum(z?.total ?? new Float64Array()) - sum(z?.good ?? new Float64Array())).toBe(expectedBad);
        expect(parsed.issues.filter((i) => i.code === 'COUNTER_RESET')).toHaveLength(steps.filter((s) => s.reload).length);
        for (const series of parsed.series) series.good.forEach((good, i) => expect(good >= 0 && good <= series.total[i]!).toBe(true));
      }),
      RUNS,
    );
  });
});
