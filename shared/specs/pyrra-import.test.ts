import { describe, expect, it } from 'vitest';
import { parsePyrraObjectives } from './pyrra';
import { importPyrra } from './pyrra-import';

const doc = (name: string, spec: string, metadata = '') =>
  `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: ${name}\n${metadata}spec:\n${spec}`;

const RATIO = `  indicator:
    ratio:
      errors: {metric: 'http_requests_total{code=~"5.."}'}
      total: {metric: http_requests_total}
`;

function imported(...docs: string[]) {
  const read = parsePyrraObjectives(docs.join('---\n'), 'slos.yaml');
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  return importPyrra([{ file: 'slos.yaml', objectives: read.value }]);
}

const notes = (...docs: string[]) => imported(...docs).notes.map((n) => `${n.document} ${n.field}: ${n.message}`);

describe('importPyrra', () => {
  it("makes an objective without the workbench's annotations the SLO tier of an SLI of a service named after it", () => {
    const { services } = imported(doc('api-errors', `  description: API answers\n  target: "99.9"\n  window: 4w\n${RATIO}`));
    expect(services).toEqual([
      {
        name: 'api-errors',
        owner: '',
        description: 'API answers',
        dependsOn: [],
        slis: [
          {
            name: 'availability',
            kind: 'availability',
            latencyThresholdMs: null,
            freshnessMaxAgeMs: null,
            wording: null,
            histogram: null,
            queries: {
              form: 'bad-total',
              bad: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
              total: 'sum(rate(http_requests_total[{{.window}}]))',
            },
            objectives: {
              slo: { tier: 'slo', targetPpm: 999_000, window: { kind: 'rolling', days: 28 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
            },
          },
        ],
      },
    ]);
  });

  it('notes the namespace, labels, annotations, alerting settings and rule tuning it does not carry', () => {
    const metadata = '  namespace: shop\n  labels: {team: a, pyrra.dev/tier: gold}\n  annotations: {runbook: https://x}\n';
    const spec = `  target: "99"\n  window: 1w\n${RATIO}  alerting: {burnrates: false}\n  performanceOverAccuracy: true\n`;
    expect(notes(doc('api', spec, metadata))).toEqual([
      '1 (api) metadata.namespace: the namespace shop is not carried',
      '1 (api) metadata.labels: the labels team, pyrra.dev/tier are not carried',
      '1 (api) metadata.annotations: the annotations runbook are not carried',
      "1 (api) spec.alerting: Pyrra's alerting settings are not carried: the workspace chooses its own alert set",
      "1 (api) spec.performanceOverAccuracy: performanceOverAccuracy tunes Pyrra's rule output and is not carried",
    ]);
  });

  it('reads a window of part days as whole days, and leaves out a target the workspace cannot hold, saying why', () => {
    expect(notes(doc('a', `  target: "99"\n  window: 36h\n${RATIO}`))).toEqual(['1 (a) spec.window: 36h is not a whole number of days: read as 2 days']);
    const { services, notes: left } = imported(doc('b', `  target: "100"\n  window: 1w\n${RATIO}`), doc('c', `  target: "40"\n  window: 1w\n${RATIO}`));
    expect(services).toEqual([]);
    expect(left.map((n) => `${n.document} ${n.field}: ${n.message}`)).toEqual([
      '1 (b) spec.target: Target must be below 100 % (100 % leaves no error budget): the objective was left out',
      '2 (c) spec.target: Target must be at least 50 % (a looser target is not an objective): the objective was left out',
    ]);
  });

  it('gathers the tiers the annotations name into one SLI, keeping a tier threshold of its own, and notes a tier given twice', () => {
    const latency = (le: string) =>
      `  target: "99"\n  window: 1d\n  indicator:\n    latency:\n      success: {metric: 'x_seconds_bucket{le="${le}"}'}\n      total: {metric: x_seconds_count}\n`;
    const meta = (tier: string) =>
      `  annotations:\n    slo-workbench.dev/service: Chat\n    slo-workbench.dev/sli: speed\n    slo-workbench.dev/tier: ${tier}\n    slo-workbench.dev/generator: SLO Workbench 1\n`;
    const result = imported(doc('a', latency('0.15'), meta('sla')), doc('b', latency('0.2'), meta('slo')), doc('c', latency('0.25'), meta('slo')));
    const [sli] = result.services[0]!.slis;
    expect(sli).toMatchObject({ name: 'speed', kind: 'latency', latencyThresholdMs: 200, histogram: { metric: 'x_seconds', le: '0.2' }, queries: null });
    expect(sli!.objectives.sla?.latencyThresholdMs).toBe(150);
    expect(sli!.objectives.slo?.latencyThresholdMs).toBeNull();
    expect(result.notes.map((n) => n.message)).toEqual(['a second slo tier of Chat / speed: left out']);
  });

  it('notes a latency bucket of +Inf, which gives no threshold', () => {
    const spec = `  target: "99"\n  window: 1d\n  indicator:\n    latency:\n      success: {metric: 'x_bucket{le="+Inf"}'}\n      total: {metric: x_count}\n`;
    expect(notes(doc('a', spec))).toEqual(['1 (a) spec.indicator.latency.success.metric: the bucket le="+Inf" is no latency threshold: the SLI has none']);
  });
});
