// Workspace → Pyrra export → parsePyrraObjectives → importPyrra gives back what Pyrra carries: service names, owners and
// descriptions, SLI names, kinds, wording and maximum data age (in annotations), ratio selectors, histograms with the
// matchers of their queries, a bool gauge, thresholds per tier, and each tier's target and rolling window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLI_KINDS, type Objective, type Service, type Sli, type SliQueries, type Tier } from '../domain/types';
import { formatGoFloat } from '../exporters/names';
import { pyrraExporter } from '../exporters/pyrra';
import { APPROVED, CHATBOT, DRAFT, snapshotOf } from '../exporters/test/pyrra-cases';
import { parsePyrraObjectives } from './pyrra';
import { importPyrra } from './pyrra-import';
import { boolGaugeQueries, latencyQueries, ratioQueries } from './pyrra/queries';
import { formatSelector, type Matcher, type Selector } from './pyrra/selector';

function roundTrip(list: readonly Service[], approved = false) {
  const { files } = pyrraExporter.render(snapshotOf(list.map((service) => ({ service, version: approved ? APPROVED : DRAFT }))));
  return importPyrra(
    files.map((f) => {
      const parsed = parsePyrraObjectives(f.text, f.name);
      if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
      return { file: f.name, objectives: parsed.value };
    }),
  );
}

const withoutIds = (s: Service) => ({
  name: s.name,
  owner: s.owner,
  description: s.description,
  slis: s.slis.map(({ id: _id, serviceId: _serviceId, ...rest }) => rest),
  dependsOn: [],
});

// Trimmed text without control characters, with letters beyond ASCII and the characters YAML and PromQL care about.
const text = (maxLength: number) =>
  fc
    .string({ unit: fc.constantFrom(...'abcXYZ019 -_:#"\'{}[]&*!|>%@`,?\\éßЖ中'), minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== '');

const metricName = fc.stringMatching(/^[a-z][a-z_]{0,12}[a-z]$/).filter((m) => !m.endsWith('_bucket') && !m.endsWith('_count'));
const matcher: fc.Arbitrary<Matcher> = fc.record({
  name: fc.stringMatching(/^[a-z][a-z_]{0,8}$/).filter((n) => n !== 'le'),
  op: fc.constantFrom('=', '!=', '=~', '!~'),
  value: fc.string({ unit: fc.constantFrom(...'ab5.*|"\\/é\n\t'), maxLength: 8 }),
});
const matchers = (minLength: number) => fc.uniqueArray(matcher, { minLength, maxLength: 3, selector: (m) => m.name });
const selector: fc.Arbitrary<Selector> = fc.record({ metric: metricName, matchers: matchers(0) });
const ppm = fc.integer({ min: 500_000, max: 999_999 });
const window = fc.integer({ min: 1, max: 366 }).map((days) => ({ kind: 'rolling', days }) as const);
const thresholdMs = fc.integer({ min: 1, max: 60_000 });

function objective(tier: Tier, latencyThresholdMs: fc.Arbitrary<number | null>): fc.Arbitrary<Objective> {
  return fc.record({ tier: fc.constant(tier), targetPpm: ppm, window, method: fc.constant('occurrences'), timeslice: fc.constant(null), latencyThresholdMs });
}

/** A latency SLI measured by a histogram (with or without queries adding matchers), its SLO tier set, the others at thresholds of their own or not. */
const latencySli = (name: string) =>
  fc.record({ base: metricName, threshold: thresholdMs, extra: fc.option(matchers(1), { nil: null }) }).chain(({ base, threshold, extra }) => {
    const le = formatGoFloat(threshold / 1000);
    const own = fc.option(
      thresholdMs.filter((t) => t !== threshold),
      { nil: null },
    );
    const queries =
      extra &&
      latencyQueries({ metric: `${base}_bucket`, matchers: [...extra, { name: 'le', op: '=', value: le }] }, { metric: `${base}_count`, matchers: extra });
    return fc.record({
      kind: fc.constant('latency' as const),
      latencyThresholdMs: fc.constant(threshold),
      histogram: fc.constant({ metric: base, le }),
      queries: fc.constant(queries),
      objectives: fc
        .record({
          sla: fc.option(objective('sla', own), { nil: undefined }),
          slo: objective('slo', fc.constant(null)),
          target: fc.option(objective('target', own), { nil: undefined }),
        })
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Sli['objectives']),
      name: fc.constant(name),
    });
  });

/** An SLI of another kind measured by bad/total selectors or a bool gauge, with any of its tiers. */
const ratioSli = (name: string) =>
  fc.record({
    name: fc.constant(name),
    kind: fc.constantFrom(...SLI_KINDS.filter((k) => k !== 'latency')),
    latencyThresholdMs: fc.constant(null),
    histogram: fc.constant(null),
    queries: fc.oneof(
      fc.tuple(selector, selector).map(([errors, total]): SliQueries => ratioQueries(errors, total)),
      selector.map((gauge): SliQueries => boolGaugeQueries(gauge)),
    ),
    objectives: fc
      .subarray(['sla', 'slo', 'target'] as const, { minLength: 1 })
      .chain((tiers) => fc.tuple(...tiers.map((t) => objective(t, fc.constant(null)))))
      .map((list) => Object.fromEntries(list.map((o) => [o.tier, o])) as Sli['objectives']),
  });

const uniqueNames = (max: number) => fc.uniqueArray(text(100), { minLength: 1, maxLength: max, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() });

const sliArb = (id: number, name: string): fc.Arbitrary<Sli> =>
  fc
    .tuple(
      fc.oneof(latencySli(name), ratioSli(name)),
      fc.option(fc.record({ good: text(80), total: text(80) }), { nil: null }),
      fc.integer({ min: 1, max: 86_400_000 }),
    )
    .map(([sli, wording, maxAgeMs]) => ({
      id,
      serviceId: 1,
      ...sli,
      wording: sli.kind === 'custom' ? (wording ?? { good: 'good', total: 'all' }) : wording,
      freshnessMaxAgeMs: sli.kind === 'freshness' ? maxAgeMs : null,
    }));

const services: fc.Arbitrary<Service[]> = uniqueNames(3).chain((names) =>
  fc.tuple(
    ...names.map((name, i) =>
      fc.record({
        id: fc.constant(i + 1),
        name: fc.constant(name),
        owner: fc.option(text(40), { nil: '' }),
        description: fc.option(text(300), { nil: '' }),
        requestsPerDay: fc.constant(null),
        dependencies: fc.constant<Service['dependencies']>([]),
        policy: fc.constant(null),
        slis: uniqueNames(3).chain((sliNames) => fc.tuple(...sliNames.map((n, k) => sliArb((i + 1) * 10 + k, n)))),
      }),
    ),
  ),
);

describe('the Pyrra round trip', () => {
  it('gives back the chatbot: its latency tiers from the histogram with the SLA at 150 ms, and helpful answers as bad and total', () => {
    const back = roundTrip([CHATBOT], true);
    const helpful = CHATBOT.slis[1]!;
    const expected = withoutIds({
      ...CHATBOT,
      slis: [
        CHATBOT.slis[0]!,
        {
          ...helpful,
          // Pyrra counts errors, so good/total queries travel as the total with the good matcher negated.
          queries: {
            form: 'bad-total',
            bad: 'sum(rate(chatbot_ratings_total{rating!="helpful"}[{{.window}}]))',
            total: 'sum(rate(chatbot_ratings_total[{{.window}}]))',
          },
        },
      ],
    });
    expect(back.services).toEqual([expected]);
    expect(back.notes.map((n) => n.message)).toEqual(['the 4 sign-offs of version 2 are not imported: an imported spec becomes a new proposal']);
  });

  it('gives back every service, SLI and tier Pyrra can carry, with no note but the sign-offs', () => {
    fc.assert(
      fc.property(services, fc.boolean(), (list, approved) => {
        const back = roundTrip(list, approved);
        expect(back.notes.map((n) => n.message)).toEqual(
          approved ? list.map(() => 'the 4 sign-offs of version 2 are not imported: an imported spec becomes a new proposal') : [],
        );
        expect(back.services).toEqual(list.map(withoutIds));
      }),
      { seed: 20261207, numRuns: 120 },
    );
  });

  it('writes selectors that read back as written, whatever their values hold', () => {
    fc.assert(
      fc.property(selector, (s) => {
        const { queries } = roundTrip([{ ...CHATBOT, slis: [{ ...CHATBOT.slis[1]!, wording: null, kind: 'availability', queries: ratioQueries(s, s) }] }])
          .services[0]!.slis[0]!;
        expect(queries).toEqual(ratioQueries(s, s));
        expect(formatSelector(s)).not.toContain('\n');
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
