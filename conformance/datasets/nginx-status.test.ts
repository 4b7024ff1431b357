import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { detectFormat, parseFile } from '#shared/importers/dispatch';
import { ALL_ZONES_SERIES, detectNginxStatus, parseNginxStatus } from '#shared/importers/nginx-status';
import { corpusDir, corpusPath, describeCorpus, once } from '../corpus';

const NGINX = () => corpusPath('datasets', 'nginx-plus-status-2015/nginxplus_status.jsonl');
const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Doc = { timestamp: number; generation: number; load_timestamp: number; server_zones: Record<string, { responses: Record<string, number> }> };

describeCorpus('datasets', 'the NGINX Plus status importer on the nginx.org demo snapshots', () => {
  const text = once(() => readFileSync(NGINX(), 'utf8'));
  const load = once(() => {
    const docs = text()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Doc);
    const result = parseNginxStatus(text());
    const byName = new Map(result.series.map((series) => [series.name, series]));
    return { docs, result, byName };
  });

  it('reads every snapshot of the nginx.org demo file, with one interval per consecutive pair', () => {
    const { docs, result } = load();
    expect(detectNginxStatus(text())).toBe(true);
    expect(result.issues).toEqual([]);
    expect(docs).toHaveLength(500);
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
    // The README gives the median step as 5.104 s.
    expect(result.series[0]!.stepMs).toBe(5104);
  });

  it("adds up each zone to its counter's growth over the file, read independently from the raw JSON", () => {
    const { docs, result, byName } = load();
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
    // The README's figures: hg +298 with +3 5xx, trac +752 with none, lxr +90 with none.
    expect(
      ['hg.nginx.org', 'trac.nginx.org', 'lxr.nginx.org'].map((zone) => [
        sum(byName.get(zone)!.total),
        sum(byName.get(zone)!.total) - sum(byName.get(zone)!.good),
      ]),
    ).toEqual([
      [298, 3],
      [752, 0],
      [90, 0],
    ]);
    const all = byName.get(ALL_ZONES_SERIES)!;
    expect(sum(all.total)).toBe(298 + 752 + 90);
    all.total.forEach((total, i) => expect(total).toBe(result.series.slice(1).reduce((acc, s) => acc + s.total[i]!, 0)));
  });

  it('is what parseFile returns for the file detected automatically', () => {
    const { result } = load();
    const parsed = parseFile(new Uint8Array(readFileSync(NGINX())), { format: 'auto' });
    expect(parsed.format).toBe('nginx-status');
    expect(parsed.series.map((s) => [s.name, sum(s.total)])).toEqual(result.series.map((s) => [s.name, sum(s.total)]));
  });

  it('claims only the NGINX status file among all the datasets, and still knows it from a cut-off first line', () => {
    const claimed = filesUnder(corpusDir('datasets')).filter((path) => detectFormat(readFileSync(path, 'utf8')) === 'nginx-status');
    expect(claimed).toEqual([NGINX()]);
    // A preview of 2,000 characters ends inside the first document.
    expect(detectNginxStatus(text().slice(0, 2000))).toBe(true);
    expect(detectNginxStatus('{"nginx_version":"1.9.4"}\n')).toBe(false);
    expect(detectNginxStatus('{"a":{"nginx_version":"1.9.4","server_zones":{}}}\n')).toBe(false);
    expect(detectNginxStatus('\n\n  {"nginx_version":"1.25.0","server_zones":{}}\n')).toBe(true);
    expect(detectFormat('{"status":"success","data":{"resultType":"matrix","result":[]}}')).toBe('prometheus-json');
  });
});
