// Workspaces the Pyrra exporter's golden files, round trip and conformance suite are written from: the chatbot's three
// latency tiers from a histogram (approved by four roles), and a draft checkout service whose SLIs meet each way Pyrra
// can and cannot carry a measurement (bad/total and good/total selectors, a bool gauge, an error ratio, no queries, a
// tier threshold without a histogram), with calendar windows and time slices.
import { DEFAULT_POLICY } from '../../budget/policy';
import type { Service } from '../../domain/types';
import { boolGaugeQueries } from '../../specs/pyrra/queries';
import type { ExportSnapshot, ExportVersion } from '../types';

import { DRAFT, objective, service, sli } from './openslo-cases';

// The builders and the draft version the OpenSLO cases are written with: one copy for every exporter's cases.
export { DRAFT, objective, service, sli };

const rolling = (days: number) => ({ kind: 'rolling', days }) as const;

/** Version 2, approved by the four roles. */
export const APPROVED: ExportVersion = {
  number: 2,
  state: 'approved',
  rationale: 'Workshop of 2026-11-30: the chatbot tiers as agreed with support',
  proposedOn: '2026-11-30',
  requiredRoles: ['engineering', 'product', 'business', 'operations'],
  signoffs: [
    { name: 'Ana Ruiz', role: 'engineering', decision: 'approve', rationale: 'History meets all three tiers', date: '2026-12-01' },
    { name: 'Bo Chen', role: 'product', decision: 'approve', rationale: '', date: '2026-12-01' },
    { name: 'Cleo Diaz', role: 'business', decision: 'approve', rationale: 'The SLA matches the contract', date: '2026-12-02' },
    { name: 'Dev Patel', role: 'operations', decision: 'approve', rationale: 'Pages are tolerable: "14x over 1h"', date: '2026-12-02' },
  ],
};

/** The chatbot example: SLA 90 % under 150 ms, SLO 99 % and target 99.5 % under 200 ms, rolling 1 day, occurrences, a histogram. */
export const CHATBOT: Service = service(1, {
  name: 'Chatbot',
  owner: 'assistant-team',
  description: 'Answers customer questions in the help centre',
  requestsPerDay: 250_000,
  dependencies: [{ dependsOnId: 9, redundancyGroup: null }],
  policy: DEFAULT_POLICY,
  slis: [
    sli(11, 1, {
      name: 'Response latency',
      kind: 'latency',
      latencyThresholdMs: 200,
      histogram: { metric: 'chatbot_response_seconds', le: '0.2' },
      queries: {
        form: 'good-total',
        good: 'sum(rate(chatbot_response_seconds_bucket{job="chatbot",le="0.2"}[{{.window}}]))',
        total: 'sum(rate(chatbot_response_seconds_count{job="chatbot"}[{{.window}}]))',
      },
      objectives: {
        sla: objective('sla', 900_000, { window: rolling(1), latencyThresholdMs: 150 }),
        slo: objective('slo', 990_000, { window: rolling(1) }),
        target: objective('target', 995_000, { window: rolling(1) }),
      },
    }),
    sli(12, 1, {
      name: 'Helpful answers',
      kind: 'custom',
      wording: { good: 'AI responses rated helpful by users', total: 'rated AI responses' },
      queries: {
        form: 'good-total',
        good: 'sum(rate(chatbot_ratings_total{rating="helpful"}[{{.window}}]))',
        total: 'sum(rate(chatbot_ratings_total[{{.window}}]))',
      },
      objectives: { slo: objective('slo', 950_000, { window: rolling(7) }) },
    }),
  ],
});

/** A draft checkout service: each way an SLI's measurement can or cannot become a Pyrra indicator. */
export const CHECKOUT: Service = service(2, {
  name: 'Checkout API',
  description: 'Takes payment for a basket',
  slis: [
    sli(21, 2, {
      name: 'availability',
      kind: 'availability',
      queries: {
        form: 'bad-total',
        bad: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))',
        total: 'sum(rate(http_requests_total{job="checkout"}[{{.window}}]))',
      },
      objectives: {
        sla: objective('sla', 995_000, { window: { kind: 'calendar', unit: 'quarter', timeZone: 'UTC' } }),
        slo: objective('slo', 999_000, { window: rolling(28) }),
        target: objective('target', 999_500, { window: rolling(28), method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 } }),
      },
    }),
    sli(22, 2, {
      name: 'Payments accepted',
      kind: 'correctness',
      queries: {
        form: 'good-total',
        good: 'sum(rate(payments_total{provider="acme",result!~"declined|error"}[{{.window}}]))',
        total: 'sum(rate(payments_total{provider="acme"}[{{.window}}]))',
      },
      objectives: { slo: objective('slo', 998_000, { window: rolling(14) }) },
    }),
    sli(23, 2, {
      name: 'Probe',
      kind: 'availability',
      queries: boolGaugeQueries({ metric: 'probe_success', matchers: [{ name: 'job', op: '=', value: 'checkout' }] }),
      objectives: { slo: objective('slo', 990_000, { window: rolling(7) }) },
    }),
    sli(24, 2, {
      name: 'Order totals correct',
      kind: 'correctness',
      queries: { form: 'error-ratio', errorRatio: 'sum(rate(checkout_mismatch_total[{{.window}}])) / sum(rate(checkout_orders_total[{{.window}}]))' },
      objectives: { slo: objective('slo', 999_000) },
    }),
    sli(25, 2, { name: 'Catalogue freshness', kind: 'freshness', freshnessMaxAgeMs: 600_000, objectives: { slo: objective('slo', 990_000) } }),
    sli(26, 2, {
      name: 'Basket latency',
      kind: 'latency',
      latencyThresholdMs: 300,
      queries: {
        form: 'good-total',
        good: 'sum(rate(basket_seconds_bucket{le="0.3"}[{{.window}}]))',
        total: 'sum(rate(basket_seconds_count[{{.window}}]))',
      },
      objectives: { sla: objective('sla', 950_000, { latencyThresholdMs: 500 }), slo: objective('slo', 990_000) },
    }),
  ],
});

/** The service the chatbot depends on, not exported itself. */
export const SEARCH: Service = service(9, { name: 'search' });

/** A snapshot of the given services and versions, with no alert sets of the workspace's own. */
export function snapshotOf(services: ExportSnapshot['services'], others: readonly Service[] = [SEARCH]): ExportSnapshot {
  return { services, others, customAlertSets: [], generatorVersion: '0.1.0' };
}

/** The golden cases: each a folder under testdata/pyrra and its snapshot. */
export const PYRRA_CASES: readonly { name: string; snapshot: ExportSnapshot }[] = [
  { name: 'chatbot-approved', snapshot: snapshotOf([{ service: CHATBOT, version: APPROVED }]) },
  { name: 'checkout-draft', snapshot: snapshotOf([{ service: CHECKOUT, version: DRAFT }]) },
];
