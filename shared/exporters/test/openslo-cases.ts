// Workspaces the OpenSLO exporter's golden files and the conformance suite are written from: availability with
// queries, the chatbot's three latency tiers, calendar windows, time slices, a custom kind with its wording, an SLI
// without queries, a draft and an approved version with sign-offs.
import { DEFAULT_POLICY } from '../../budget/policy';
import { NO_SLI_DETAILS, type Objective, type Service, type Sli } from '../../domain/types';
import type { ExportedService, ExportSnapshot, ExportVersion } from '../types';

const rolling = (days: number) => ({ kind: 'rolling', days }) as const;

/** An objective with the defaults of a new one: rolling 30 days, occurrences, no threshold of its own. */
export function objective(tier: Objective['tier'], targetPpm: number, rest: Partial<Objective> = {}): Objective {
  return { tier, targetPpm, window: rolling(30), method: 'occurrences', timeslice: null, latencyThresholdMs: null, ...rest };
}

/** An SLI with nothing set but what is given. */
export function sli(id: number, serviceId: number, rest: Partial<Sli> & Pick<Sli, 'name' | 'kind'>): Sli {
  return { id, serviceId, latencyThresholdMs: null, ...NO_SLI_DETAILS, objectives: {}, ...rest };
}

/** A service with nothing set but what is given. */
export function service(id: number, rest: Partial<Service> & Pick<Service, 'name'>): Service {
  return { id, owner: '', description: '', requestsPerDay: null, dependencies: [], policy: null, slis: [], ...rest };
}

/** The current draft of a service, never proposed. */
export const DRAFT: ExportVersion = { number: null, state: 'draft', rationale: '', proposedOn: null, requiredRoles: [], signoffs: [] };

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
    { name: 'Dev Patel', role: 'operations', decision: 'approve', rationale: 'Pages are tolerable: "14.4× over 1h"', date: '2026-12-02' },
  ],
};

/** The chatbot example: SLA 90 % under 150 ms, SLO 99 % and target 99.5 % under 200 ms, rolling 1 day, occurrences. */
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
      objectives: { slo: objective('slo', 950_000, { window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Warsaw' } }) },
    }),
  ],
});

/** A checkout service: availability by bad/total queries, correctness in time slices, freshness without queries. */
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
        target: objective('target', 999_500, { window: rolling(28) }),
      },
    }),
    sli(22, 2, {
      name: 'Order totals correct',
      kind: 'correctness',
      queries: { form: 'error-ratio', errorRatio: 'sum(rate(checkout_total_mismatch_total[{{.window}}])) / sum(rate(checkout_orders_total[{{.window}}]))' },
      objectives: {
        slo: objective('slo', 999_000, { method: 'timeslices', timeslice: { sliceMinutes: 5, sliceTargetPpm: 950_000 } }),
        target: objective('target', 999_900, { method: 'ratio-timeslices', timeslice: { sliceMinutes: 1, sliceTargetPpm: 950_000 } }),
      },
    }),
    sli(23, 2, {
      name: 'Catalogue freshness',
      kind: 'freshness',
      freshnessMaxAgeMs: 600_000,
      objectives: { slo: objective('slo', 990_000, { window: { kind: 'calendar', unit: 'week', timeZone: 'America/New_York' } }) },
    }),
  ],
});

/** The service the chatbot depends on, not exported itself. */
export const SEARCH: Service = service(9, { name: 'search' });

/** A snapshot of the given services and versions, with no alert sets of the workspace's own. */
export function snapshotOf(services: readonly ExportedService[], others: readonly Service[] = [SEARCH]): ExportSnapshot {
  return { services, others, customAlertSets: [], generatorVersion: '0.1.0' };
}

/** The golden cases: each a file name under testdata/openslo and its snapshot. */
export const OPENSLO_CASES: readonly { name: string; snapshot: ExportSnapshot }[] = [
  { name: 'chatbot-approved', snapshot: snapshotOf([{ service: CHATBOT, version: APPROVED }]) },
  { name: 'checkout-draft', snapshot: snapshotOf([{ service: CHECKOUT, version: DRAFT }]) },
];
