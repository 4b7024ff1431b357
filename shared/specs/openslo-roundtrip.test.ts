// Workspace → OpenSLO v1 export → parseOpenSlo → openSloImport gives back the same services, for everything OpenSLO
// carries: names, owners, descriptions, dependencies by name, SLI kinds, wording, queries, histograms, thresholds, and
// each tier's target, window, method and time slices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMESLICE, SLI_KINDS, TIERS, type Objective, type Service, type Sli, type SliQueries, type SloWindow, type Tier } from '../domain/types';
import { openSloV1Exporter } from '../exporters/openslo-v1';
import { DRAFT, APPROVED } from '../exporters/test/openslo-cases';
import { parseOpenSlo } from './openslo';
import { openSloImport } from './openslo-import';

// Trimmed text without control characters, with letters beyond ASCII and the characters YAML cares about.
const text = (maxLength: number) =>
  fc
    .string({ unit: fc.constantFrom(...'abcXYZ019 -_:#"\'{}[]&*!|>%@`,?éßЖ中'), minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== '');

const metric = fc.stringMatching(/^[a-z][a-z_]{0,12}[a-z]$/).filter((m) => !m.endsWith('_bucket'));
const query = metric.map((m) => `sum(rate(${m}_total{job="x"}[{{.window}}]))`);
const queries: fc.Arbitrary<SliQueries | null> = fc.oneof(
  fc.constant(null),
  fc.record({ form: fc.constant('good-total' as const), good: query, total: query }),
  fc.record({ form: fc.constant('bad-total' as const), bad: query, total: query }),
  fc.record({ form: fc.constant('error-ratio' as const), errorRatio: query }),
);

const ZONES = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Tokyo'];
const window: fc.Arbitrary<SloWindow> = fc.oneof(
  fc.record({ kind: fc.constant('rolling' as const), days: fc.integer({ min: 1, max: 366 }) }),
  fc.record({ kind: fc.constant('calendar' as const), unit: fc.constantFrom('week', 'month', 'quarter', 'year'), timeZone: fc.constantFrom(...ZONES) }),
);
const ppm = fc.integer({ min: 500_000, max: 999_999 });
const threshold = fc.integer({ min: 1, max: 60_000 });

function objective(tier: Tier, latency: boolean): fc.Arbitrary<Objective> {
  const sliced = fc.record({ sliceMinutes: fc.integer({ min: 1, max: 1440 }), sliceTargetPpm: ppm });
  return fc
    .record({
      targetPpm: ppm,
      window,
      how: fc.oneof(
        fc.constant({ method: 'occurrences' as const, timeslice: null }),
        sliced.map((timeslice) => ({ method: 'timeslices' as const, timeslice })),
        // RatioTimeslices has no slice target in OpenSLO; the workbench ignores it for this method and keeps the default.
        sliced.map((t) => ({ method: 'ratio-timeslices' as const, timeslice: { ...t, sliceTargetPpm: DEFAULT_TIMESLICE.sliceTargetPpm } })),
      ),
      latencyThresholdMs: latency ? fc.option(threshold, { nil: null }) : fc.constant(null),
    })
    .map(({ how, ...o }) => ({ tier, ...o, ...how }));
}

function sli(id: number, name: string): fc.Arbitrary<Sli> {
  return fc.constantFrom(...SLI_KINDS).chain((kind) => {
    const latency = kind === 'latency';
    return fc.record({
      id: fc.constant(id),
      serviceId: fc.constant(1),
      name: fc.constant(name),
      kind: fc.constant(kind),
      latencyThresholdMs: latency ? fc.option(threshold, { nil: null }) : fc.constant(null),
      freshnessMaxAgeMs: kind === 'freshness' ? fc.integer({ min: 1, max: 86_400_000 }) : fc.constant(null),
      wording: kind === 'custom' ? fc.record({ good: text(80), total: text(80) }) : fc.option(fc.record({ good: text(80), total: text(80) }), { nil: null }),
      queries,
      histogram: latency ? fc.option(fc.record({ metric, le: fc.constantFrom('0.1', '0.25', '1', '+Inf') }), { nil: null }) : fc.constant(null),
      objectives: fc
        .subarray([...TIERS])
        .chain((tiers) =>
          fc.tuple(...tiers.map((t) => objective(t, latency))).map((list) => Object.fromEntries(list.map((o) => [o.tier, o])) as Sli['objectives']),
        ),
    });
  });
}

const uniqueNames = (max: number) => fc.uniqueArray(text(100), { minLength: 1, maxLength: max, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() });

const services: fc.Arbitrary<Service[]> = uniqueNames(3).chain((names) =>
  fc.tuple(
    ...names.map((name, i) =>
      fc.record({
        id: fc.constant(i + 1),
        name: fc.constant(name),
        owner: fc.option(text(40), { nil: '' }),
        description: fc.option(text(300), { nil: '' }),
        requestsPerDay: fc.constant(null),
        dependencies: fc
          .subarray(names.map((_, j) => j + 1).filter((j) => j !== i + 1))
          .map((ids) => ids.map((dependsOnId) => ({ dependsOnId, redundancyGroup: null }))),
        policy: fc.constant(null),
        slis: uniqueNames(3).chain((sliNames) => fc.tuple(...sliNames.map((n, k) => sli((i + 1) * 10 + k, n)))),
      }),
    ),
  ),
);

function roundTrip(list: Service[], approved: boolean) {
  const snapshot = {
    services: list.map((service) => ({ service, version: approved ? APPROVED : DRAFT })),
    others: [],
    customAlertSets: [],
    generatorVersion: '0.1.0',
  };
  const files = openSloV1Exporter.render(snapshot).files.map((f) => {
    const parsed = parseOpenSlo(f.text, f.name);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    return { file: f.name, objects: parsed.objects };
  });
  return openSloImport(files);
}

describe('the OpenSLO round trip', () => {
  it('gives back every service, SLI and tier as exported, with no note', () => {
    fc.assert(
      fc.property(services, fc.boolean(), (list, approved) => {
        const back = roundTrip(list, approved);
        const names = new Map(list.map((s) => [s.id, s.name]));
        expect(back.notes).toEqual([]);
        expect(back.services).toEqual(
          list.map((s) => ({
            name: s.name,
            owner: s.owner,
            description: s.description,
            slis: s.slis.map(({ id: _id, serviceId: _serviceId, ...rest }) => rest),
            dependsOn: s.dependencies.map((d) => names.get(d.dependsOnId)),
          })),
        );
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});
