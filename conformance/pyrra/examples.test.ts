import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parsePyrraObjectives, type PyrraObjective } from '#shared/specs/pyrra';
import { importPyrra, type PyrraFile } from '#shared/specs/pyrra-import';
import { corpusPath, describeCorpus, once } from '../corpus';

// Pyrra's published ServiceLevelObjectives (examples/ and the kube-prometheus SLOs of pyrra-dev/pyrra): every one reads,
// and every one becomes the SLO tier of an SLI in the workspace, with notes for what the workspace has no place for.
const ROOT = () => corpusPath('conformance', 'pyrra/examples');
const FOLDERS = ['slos', 'kube-prometheus-slos'];

const files = once((): PyrraFile[] =>
  FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT(), folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => {
        const file = `${folder}/${name}`;
        const read = parsePyrraObjectives(readFileSync(join(ROOT(), file), 'utf8'), file);
        if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
        return { file, objectives: read.value };
      }),
  ),
);

const objective = (file: string, name: string): PyrraObjective => {
  const found = files()
    .find((f) => f.file === file)
    ?.objectives.find((o) => o.name === name);
  if (!found) throw new Error(`${file} has no objective ${name}`);
  return found;
};

describeCorpus('conformance', "parsePyrraObjectives and importPyrra on Pyrra's examples", () => {
  it('reads every example: 28 files, 29 objectives, each indicator kind among them', () => {
    expect(files()).toHaveLength(28);
    const all = files().flatMap((f) => f.objectives);
    expect(all).toHaveLength(29);
    const kinds = all.map((o) => o.indicator.kind);
    expect(new Set(kinds)).toEqual(new Set(['ratio', 'latency', 'latencyNative', 'boolGauge']));
    expect(kinds.filter((k) => k === 'ratio')).toHaveLength(21);
  });

  it('imports every file: each objective the SLO tier of an SLI of a service named after it, target and window kept', () => {
    for (const file of files()) {
      const imported = importPyrra([file]);
      expect(
        imported.services.map((s) => s.name),
        file.file,
      ).toEqual(file.objectives.map((o) => o.name));
      imported.services.forEach((service, i) => {
        const source = file.objectives[i]!;
        const [sli] = service.slis;
        expect(service.slis, file.file).toHaveLength(1);
        expect(sli!.kind).toBe(source.indicator.kind === 'latency' || source.indicator.kind === 'latencyNative' ? 'latency' : 'availability');
        expect(Object.keys(sli!.objectives)).toEqual(['slo']);
        expect(sli!.objectives.slo!.targetPpm / 10_000).toBe(Number(source.target));
        expect(sli!.objectives.slo!.window).toEqual({ kind: 'rolling', days: source.windowMs / 86_400_000 });
        expect(sli!.queries ?? sli!.histogram, `${file.file}: ${source.name} is measured`).not.toBeNull();
      });
    }
  });

  it('maps a ratio to bad and total queries, with a note for its grouping and namespace', () => {
    const imported = importPyrra([{ file: 'slos/prometheus-http.yaml', objectives: [objective('slos/prometheus-http.yaml', 'prometheus-api-query')] }]);
    expect(imported.services[0]!.slis[0]!.queries).toEqual({
      form: 'bad-total',
      bad: 'sum(rate(prometheus_http_requests_total{handler=~"/api.*",code=~"5.."}[{{.window}}]))',
      total: 'sum(rate(prometheus_http_requests_total{handler=~"/api.*"}[{{.window}}]))',
    });
    expect(imported.notes).toEqual([
      {
        file: 'slos/prometheus-http.yaml',
        document: '1 (prometheus-api-query)',
        field: 'spec.indicator',
        message: 'grouping by handler is not carried: the workspace measures one ratio over all series',
      },
      {
        file: 'slos/prometheus-http.yaml',
        document: '1 (prometheus-api-query)',
        field: 'metadata.labels',
        message: 'the labels prometheus, role are not carried',
      },
    ]);
  });

  it('maps a latency histogram to its metric, le bucket and threshold, keeping its matchers in the queries', () => {
    const file = 'slos/caddy-response-latency.yaml';
    const [sli] = importPyrra([{ file, objectives: [objective(file, 'caddy-response-latency')] }]).services[0]!.slis;
    expect(sli).toMatchObject({
      name: 'latency',
      kind: 'latency',
      latencyThresholdMs: 50,
      histogram: { metric: 'caddy_http_response_duration_seconds', le: '0.05' },
      queries: {
        form: 'good-total',
        good: 'sum(rate(caddy_http_response_duration_seconds_bucket{job="caddy",handler="subroute",code!~"5..",le="0.05"}[{{.window}}]))',
        total: 'sum(rate(caddy_http_response_duration_seconds_count{job="caddy",handler="subroute",code!~"5.."}[{{.window}}]))',
      },
    });
  });

  it("maps a native histogram's latency to the threshold and a bool gauge to the counts Pyrra compares", () => {
    const native = importPyrra([{ file: 'n', objectives: [objective('slos/pyrra-connect-latency.yaml', 'pyrra-connect-latency')] }]).services[0]!.slis[0]!;
    expect(native).toMatchObject({ kind: 'latency', latencyThresholdMs: 200, histogram: null });
    expect(native.queries).toEqual({
      form: 'error-ratio',
      errorRatio: '1 - histogram_fraction(0, 0.2, sum(rate(connect_server_requests_duration_seconds{job="pyrra",code="ok"}[{{.window}}])))',
    });
    const gauge = importPyrra([{ file: 'g', objectives: [objective('slos/prometheus-probe-success.yaml', 'prometheus-blackbox-probe-success')] }]).services[0]!
      .slis[0]!;
    expect(gauge.queries).toEqual({
      form: 'bad-total',
      bad: 'sum(count_over_time(probe_success[{{.window}}])) - sum(sum_over_time(probe_success[{{.window}}]))',
      total: 'sum(count_over_time(probe_success[{{.window}}]))',
    });
  });

  it('keeps the first of two objectives with one name when the folders are imported together, and notes the second', () => {
    const imported = importPyrra(files());
    expect(imported.services).toHaveLength(27);
    const second = imported.notes.filter((n) => n.message.startsWith('a second slo tier'));
    expect(second.map((n) => `${n.file} ${n.document}`)).toEqual([
      'slos/prometheus-http.yaml 1 (prometheus-api-query)',
      'kube-prometheus-slos/slo-apiserver-read-cluster-latency.yaml 1 (apiserver-read-cluster-latency)',
    ]);
  });
});
