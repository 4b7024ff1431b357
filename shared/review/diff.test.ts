import { describe, expect, it } from 'vitest';
import { SLOTH_28D, SLOTH_30D, type AlertWindowSet } from '../budget/alerts';
import { DEFAULT_POLICY } from '../budget/policy';
import { NO_SLI_DETAILS, type Objective, type Service, type Sli } from '../domain/types';
import { diffVersions } from './diff';
import { canonicalJson, sameSnapshot, versionSnapshot } from './snapshot';

const AT = Date.UTC(2027, 0, 15);
const slo: Objective = {
  tier: 'slo',
  targetPpm: 999_000,
  window: { kind: 'rolling', days: 30 },
  method: 'occurrences',
  timeslice: null,
  latencyThresholdMs: null,
};
const availability: Sli = {
  id: 11,
  serviceId: 1,
  name: 'availability',
  kind: 'availability',
  latencyThresholdMs: null,
  ...NO_SLI_DETAILS,
  objectives: { slo },
};
const checkout: Service = {
  id: 1,
  name: 'checkout',
  owner: 'payments',
  description: '',
  requestsPerDay: null,
  dependencies: [],
  policy: null,
  slis: [availability],
};
const version = (service: Service, sets: readonly AlertWindowSet[] = []) => versionSnapshot(service, sets, AT);
const withSli = (change: Partial<Sli>): Service => ({ ...checkout, slis: [{ ...availability, ...change }] });
const withSlo = (change: Partial<Objective>): Service => withSli({ objectives: { slo: { ...slo, ...change } } });
const texts = (a: Service, b: Service) => diffVersions(version(a), version(b), (id) => (id === 2 ? 'payments-api' : `#${id}`)).map((c) => c.text);

describe('the diff between two versions', () => {
  it('finds no change between a version and itself, and a snapshot is the same text whatever order its keys were built in', () => {
    expect(diffVersions(version(checkout), version(checkout))).toEqual([]);
    const { slis, ...rest } = checkout;
    const reordered = { ...version(checkout), service: { slis, ...rest } };
    expect(sameSnapshot(version(checkout), reordered)).toBe(true);
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('says a changed target as "SLO of checkout / availability: 99.9 % → 99.95 %", with its field and values', () => {
    expect(diffVersions(version(checkout), version(withSlo({ targetPpm: 999_500 })))).toEqual([
      {
        where: 'checkout / availability',
        tier: 'slo',
        field: 'target',
        from: '99.9 %',
        to: '99.95 %',
        text: 'SLO of checkout / availability: 99.9 % → 99.95 %',
      },
    ]);
  });

  it('says a changed window, and the alert set the new period gets', () => {
    expect(texts(checkout, withSlo({ window: { kind: 'rolling', days: 28 } }))).toEqual([
      'SLO window of checkout / availability: rolling 30 days → rolling 28 days',
      'SLO alert set of checkout / availability: SRE workbook, 30 days → SRE workbook, 28 days',
    ]);
  });

  it('says a changed method, time slice and tier threshold', () => {
    const sliced = withSlo({ method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 }, latencyThresholdMs: 250 });
    expect(texts(checkout, sliced)).toEqual([
      'SLO budgeting method of checkout / availability: occurrences → timeslices',
      'SLO time slice of checkout / availability: none → 5-minute slices good at 95 %',
      'SLO latency threshold of checkout / availability: none → 250 ms',
    ]);
  });

  it('says tiers added and removed with what they hold', () => {
    const sla: Objective = { ...slo, tier: 'sla', targetPpm: 995_000, window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' } };
    expect(texts(checkout, withSli({ objectives: { sla, slo } }))).toEqual([
      'SLA of checkout / availability added: 99.5 %, calendar month (Europe/Berlin), Occurrences',
    ]);
    expect(texts(withSli({ objectives: { sla, slo } }), checkout)).toEqual([
      'SLA of checkout / availability removed (was 99.5 %, calendar month (Europe/Berlin), Occurrences)',
    ]);
  });

  it('says SLIs added and removed, and every field of an SLI that changed', () => {
    const latency: Sli = {
      ...availability,
      id: 12,
      name: 'latency',
      kind: 'latency',
      latencyThresholdMs: 200,
      objectives: { slo: { ...slo, targetPpm: 990_000 } },
    };
    expect(texts(checkout, { ...checkout, slis: [availability, latency] })).toEqual([
      'SLI checkout / latency added (latency; SLO 99 %, rolling 30 days, Occurrences)',
    ]);
    expect(texts({ ...checkout, slis: [availability, latency] }, checkout)).toEqual(['SLI checkout / latency removed']);
    const changed = withSli({
      name: 'success',
      kind: 'custom',
      latencyThresholdMs: 100,
      freshnessMaxAgeMs: 60_000,
      wording: { good: 'answers rated helpful', total: 'rated answers' },
      queries: { form: 'error-ratio', errorRatio: 'rate(bad[{{.window}}])' },
      histogram: { metric: 'http_duration_seconds', le: '0.2' },
    });
    expect(texts(checkout, changed)).toEqual([
      'SLI name of checkout / success: availability → success',
      'kind of checkout / success: availability → custom',
      'latency threshold of checkout / success: none → 100 ms',
      'maximum data age of checkout / success: none → 60000 ms',
      'wording of checkout / success: successful requests of requests → answers rated helpful of rated answers',
      'queries of checkout / success: none → error ratio rate(bad[{{.window}}])',
      'histogram of checkout / success: none → http_duration_seconds at le="0.2"',
    ]);
  });

  it('says the service’s own fields, traffic and dependencies', () => {
    const changed: Service = {
      ...checkout,
      name: 'shop',
      owner: 'web',
      description: 'The shop',
      requestsPerDay: 1_000_000,
      dependencies: [{ dependsOnId: 2, redundancyGroup: null }],
    };
    expect(texts(checkout, changed)).toEqual([
      'service name of shop: checkout → shop',
      'owner of shop: payments → web',
      'description of shop: none → The shop',
      'traffic of shop: none → 1000000 requests a day',
      'dependency of shop on payments-api added (hard dependency)',
    ]);
    const grouped: Service = { ...checkout, dependencies: [{ dependsOnId: 2, redundancyGroup: 'pay' }] };
    expect(texts({ ...checkout, dependencies: [{ dependsOnId: 2, redundancyGroup: null }] }, grouped)).toEqual([
      'dependency on payments-api of checkout: hard dependency → in redundancy group pay',
    ]);
    expect(texts(grouped, checkout)).toEqual(['dependency of checkout on payments-api removed']);
  });

  it('says each policy threshold and action that changed, the default policy standing in for none', () => {
    const policy = { ...DEFAULT_POLICY, warningBelowPercent: 40, criticalBurnRate: 10, actions: { ...DEFAULT_POLICY.actions, critical: 'Freeze.' } };
    expect(texts(checkout, { ...checkout, policy })).toEqual([
      'policy warning threshold of checkout: under 50 % left → under 40 % left',
      'policy critical burn rate of checkout: 6× → 10×',
      `policy actions when critical of checkout: ${DEFAULT_POLICY.actions.critical} → Freeze.`,
    ]);
    expect(texts({ ...checkout, policy: DEFAULT_POLICY }, checkout)).toEqual([]);
  });

  it('says each alert window of a tier’s set that a workspace set of its own changed', () => {
    const own: AlertWindowSet = {
      ...SLOTH_30D,
      name: 'our 30 days',
      page: { ...SLOTH_30D.page, quick: { budgetPercent: 2, shortMinutes: 10, longMinutes: 60 } },
    };
    const changes = diffVersions(version(checkout), version(checkout, [own])).map((c) => c.text);
    expect(changes).toEqual([
      'SLO alert set of checkout / availability: SRE workbook, 30 days → our 30 days',
      'SLO page alert (quick) of checkout / availability: 2 % of the budget over 1h and 5m → 2 % of the budget over 1h and 10m',
    ]);
    expect(version(checkout, [SLOTH_28D]).alertSets).toEqual([{ sliId: 11, tier: 'slo', periodMinutes: 43_200, set: SLOTH_30D, scaling: 'none' }]);
  });
});
