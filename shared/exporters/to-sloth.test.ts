import { describe, expect, it } from 'vitest';
import { SLOTH_30D, SLOTH_28D, type AlertWindowSet } from '../budget/alerts';
import type { Service, Sli } from '../domain/types';
import { APPROVED, CHATBOT, CHECKOUT, DRAFT, objective, service, sli, snapshotOf } from './test/openslo-cases';
import { PAYMENTS, PROPOSED } from './test/sloth-cases';
import { isSlothDefaultWindows, toSloth } from './to-sloth';

const one = (s: Service, version = DRAFT, customAlertSets: AlertWindowSet[] = []) => toSloth({ ...snapshotOf([{ service: s, version }]), customAlertSets });
const withSli = (extra: Partial<Sli> & Pick<Sli, 'name' | 'kind'>) => service(5, { name: 'shop', slis: [sli(51, 5, extra)] });
const lossIds = (s: ReturnType<typeof toSloth>) => s.losses.map((l) => `${l.id}: ${l.concerns.join(', ')}`);
const QUERY = (metric: string) => `sum(rate(${metric}[{{.window}}]))`;

describe('the Sloth mapping of exported services', () => {
  it('maps the chatbot latency SLI to one SLO of 99 % over 1 day, measured by its histogram buckets with le="0.2"', () => {
    const { specs } = one(CHATBOT, APPROVED);
    const daily = specs.find((s) => s.periodMinutes === 1440)!;
    expect(daily.stem).toBe('chatbot-1d');
    expect(daily.spec.service).toBe('chatbot');
    expect(daily.spec.slos).toHaveLength(1);
    const slo = daily.spec.slos[0]!;
    expect(slo).toMatchObject({ name: 'response-latency', objectivePercent: 99 });
    expect(slo.sli).toEqual({
      kind: 'events',
      errorQuery: 'sum(rate(chatbot_response_seconds_count[{{.window}}])) - sum(rate(chatbot_response_seconds_bucket{le="0.2"}[{{.window}}]))',
      totalQuery: 'sum(rate(chatbot_response_seconds_count[{{.window}}]))',
    });
    expect(daily.tierLines).toEqual([
      'response-latency: SLA 90 % under 150 ms, SLO 99 % under 200 ms (exported), performance target 99.5 % under 200 ms; rolling 1 day, Occurrences.',
    ]);
  });

  it('writes good and total queries as errors = total − good, bad and total as they are, and an error ratio as a raw SLI', () => {
    const good = one(
      withSli({
        name: 'a',
        kind: 'availability',
        queries: { form: 'good-total', good: QUERY('ok'), total: QUERY('all') },
        objectives: { slo: objective('slo', 999_000) },
      }),
    );
    expect(good.specs[0]!.spec.slos[0]!.sli).toEqual({ kind: 'events', errorQuery: `(${QUERY('all')}) - (${QUERY('ok')})`, totalQuery: QUERY('all') });
    const bad = one(
      withSli({
        name: 'a',
        kind: 'availability',
        queries: { form: 'bad-total', bad: QUERY('err'), total: QUERY('all') },
        objectives: { slo: objective('slo', 999_000) },
      }),
    );
    expect(bad.specs[0]!.spec.slos[0]!.sli).toEqual({ kind: 'events', errorQuery: QUERY('err'), totalQuery: QUERY('all') });
    const raw = one(
      withSli({ name: 'a', kind: 'correctness', queries: { form: 'error-ratio', errorRatio: QUERY('ratio') }, objectives: { slo: objective('slo', 999_000) } }),
    );
    expect(raw.specs[0]!.spec.slos[0]!.sli).toEqual({ kind: 'raw', errorRatioQuery: QUERY('ratio') });
  });

  it('measures an SLO with a threshold of its own at that threshold’s bucket in seconds, and says so', () => {
    const mapped = one(
      withSli({
        name: 'fast',
        kind: 'latency',
        latencyThresholdMs: 200,
        histogram: { metric: 'h', le: '0.2' },
        objectives: { slo: objective('slo', 990_000, { latencyThresholdMs: 300 }) },
      }),
    );
    expect(mapped.specs[0]!.spec.slos[0]!.sli).toMatchObject({ errorQuery: 'sum(rate(h_count[{{.window}}])) - sum(rate(h_bucket{le="0.3"}[{{.window}}]))' });
    expect(lossIds(mapped)).toContain('threshold-bucket: shop / fast');
  });

  it('leaves out an SLI without queries, one without an SLO tier and one of 100 %, naming service and SLI', () => {
    const s = service(6, {
      name: 'Shop',
      slis: [
        sli(61, 6, { name: 'unmeasured', kind: 'availability', objectives: { slo: objective('slo', 990_000) } }),
        sli(62, 6, {
          name: 'sla only',
          kind: 'availability',
          queries: { form: 'error-ratio', errorRatio: QUERY('r') },
          objectives: { sla: objective('sla', 990_000) },
        }),
        sli(63, 6, {
          name: 'perfect',
          kind: 'availability',
          queries: { form: 'error-ratio', errorRatio: QUERY('r') },
          objectives: { slo: objective('slo', 1_000_000) },
        }),
      ],
    });
    const mapped = one(s);
    expect(mapped.specs).toEqual([]);
    expect(lossIds(mapped)).toEqual([
      'no-slo-tier: Shop / sla only',
      'no-queries: Shop / unmeasured',
      'full-target: Shop / perfect',
      'versions-and-sign-off: Shop',
    ]);
  });

  it('maps calendar windows to rolling ones and time slices to events with a loss each, and splits a service by period', () => {
    const mapped = one(CHECKOUT);
    expect(mapped.specs.map((s) => [s.stem, s.periodMinutes / 1440, s.spec.slos.map((o) => o.name)])).toEqual([
      ['checkout-api-28d', 28, ['availability']],
      ['checkout-api-30d', 30, ['order-totals-correct']],
    ]);
    expect(lossIds(mapped)).toEqual([
      'sla-tier: Checkout API / availability',
      'target-tier: Checkout API / availability, Checkout API / Order totals correct',
      'timeslices: Checkout API / Order totals correct',
      'no-queries: Checkout API / Catalogue freshness',
      'period-split: Checkout API',
      'versions-and-sign-off: Checkout API',
      'service-details: Checkout API',
    ]);
    const calendar = one(CHATBOT);
    expect(lossIds(calendar)).toContain('calendar-window: Chatbot / Helpful answers');
    expect(calendar.specs.find((s) => s.stem === 'chatbot-30d')?.spec.slos[0]?.name).toBe('helpful-answers');
  });

  it('uses Sloth’s default windows for 30 and 28 days, and the fitted or the workspace’s own set otherwise', () => {
    expect(one(PAYMENTS).specs[0]).toMatchObject({ periodMinutes: 30 * 1440, defaultWindows: true });
    expect(one(CHECKOUT).specs.map((s) => s.defaultWindows)).toEqual([true, true]);
    const daily = one(CHATBOT).specs[0]!;
    expect([daily.periodMinutes, daily.defaultWindows, daily.windows.page.quick]).toEqual([1440, false, { budgetPercent: 2, shortMinutes: 1, longMinutes: 2 }]);
    const own: AlertWindowSet = { ...SLOTH_30D, name: 'ours', page: { ...SLOTH_30D.page, quick: { budgetPercent: 1, shortMinutes: 5, longMinutes: 30 } } };
    expect(one(PAYMENTS, DRAFT, [own]).specs[0]).toMatchObject({ windows: own, defaultWindows: false });
    expect([SLOTH_30D, SLOTH_28D, { ...SLOTH_30D, name: 'renamed' }].map(isSlothDefaultWindows)).toEqual([true, true, true]);
  });

  it('names SLOs and alerts from names.ts, unique within a service, and carries the version in alert annotations', () => {
    const twice = service(7, {
      name: 'Web Shop',
      slis: ['Checkout!', 'checkout'].map((name, i) =>
        sli(70 + i, 7, {
          name,
          kind: 'availability',
          queries: { form: 'error-ratio', errorRatio: QUERY('r') },
          objectives: { slo: objective('slo', 990_000) },
        }),
      ),
    });
    const slos = one(twice, PROPOSED).specs[0]!.spec.slos;
    expect(slos.map((s) => [s.name, s.alerting.name])).toEqual([
      ['checkout', 'WebShopCheckoutErrorBudgetBurn'],
      ['checkout-2', 'WebShopCheckout2ErrorBudgetBurn'],
    ]);
    expect(slos[0]!.alerting).toMatchObject({
      annotations: { slo_workbench_version: '1', slo_workbench_state: 'proposed' },
      page: { disable: false, labels: { severity: 'page' } },
      ticket: { disable: false, labels: { severity: 'ticket' } },
    });
    expect(one(PAYMENTS).specs[0]!.spec.slos[0]!.alerting.annotations).toEqual({ slo_workbench_version: 'draft', slo_workbench_state: 'draft' });
  });

  it('gives two services whose names make the same Sloth name different names', () => {
    const a = service(8, { name: 'Payments', slis: PAYMENTS.slis });
    const specs = toSloth(
      snapshotOf([
        { service: PAYMENTS, version: DRAFT },
        { service: a, version: DRAFT },
      ]),
    ).specs;
    expect(specs.map((s) => [s.stem, s.spec.service])).toEqual([
      ['payments', 'payments'],
      ['payments-2', 'payments-2'],
    ]);
  });
});
