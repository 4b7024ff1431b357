// Snapshots the review document's golden files are written from: the approved chatbot with the history summary, a
// what-if run and the diff the core adds, and the checkout draft with nothing added.
import type { TierOutcome } from '../../simulation/result';
import type { ExportedService, ExportSnapshot } from '../types';
import { APPROVED, CHATBOT, CHECKOUT, DRAFT, snapshotOf } from './openslo-cases';

const spread = (mean: number) => ({ mean, p10: mean / 2, p50: mean, p90: mean * 2 });

function outcome(tier: TierOutcome['tier'], targetPpm: number, breach: number, budgetMinutes: number): TierOutcome {
  return {
    tier,
    targetPpm,
    method: 'occurrences',
    windowMinutes: 1440,
    windowLabel: '1 day',
    budgetMinutes,
    budgetEvents: null,
    breach: { probability: breach, low: breach * 0.8, high: Math.min(1, breach * 1.2), count: Math.round(breach * 1000), trials: 1000 },
    spent: spread(0.4),
    remaining: { atDay: [], p10: [], p50: [], p90: [] },
    exhausted: { bucketMinutes: 60, counts: [], never: 1000 },
    spentBy: { baseline: 0.1, deploys: 0.3, incidents: 0, events: 0, dependencies: 0 },
    topCause: 'deploys',
    alerts: { setName: 'SRE workbook, 30 days', pages: spread(0.2), tickets: spread(1.5) },
  };
}

/** The approved chatbot as the core exports it for a review: its history, a what-if run and the changes since version 1. */
export const CHATBOT_REVIEWED: ExportedService = {
  service: CHATBOT,
  version: APPROVED,
  history: [
    {
      sliId: 11,
      source: 'chatbot-latency.csv, series latency',
      fromDay: '2026-08-31',
      toDay: '2026-11-29',
      achieved: 0.99612,
      tiers: [
        { tier: 'sla', targetPpm: 900_000, weeks: 13, met: 13 },
        { tier: 'slo', targetPpm: 990_000, weeks: 13, met: 12 },
        { tier: 'target', targetPpm: 995_000, weeks: 13, met: 9 },
      ],
      recommendedSloPpm: 991_200,
      note: null,
    },
  ],
  whatif: [
    {
      sliId: 11,
      scenario: 'Launch week',
      result: {
        scenarioName: 'Launch week',
        seed: 42,
        trials: 1000,
        startMs: Date.UTC(2026, 11, 7),
        tiers: [outcome('sla', 900_000, 0.001, 144), outcome('slo', 990_000, 0.08, 14.4), outcome('target', 995_000, 0.21, 7.2)],
        policy: null,
        resolved: [],
        notes: ['Deploys follow the last quarter of history.'],
      },
    },
  ],
  diff: {
    from: 1,
    to: 2,
    changes: ['performance target of Chatbot / Response latency: 99.9 % → 99.5 %'],
    impact: [
      'last quarter: performance target of Chatbot / Response latency met in 4 of 13 weeks under the old target (99.9 %), 9 of 13 under the new (99.5 %)',
    ],
    notes: [],
  },
};

/** The golden cases: each a file name under testdata/review-doc and its snapshot. */
export const REVIEW_CASES: readonly { name: string; snapshot: ExportSnapshot }[] = [
  { name: 'chatbot-approved', snapshot: snapshotOf([CHATBOT_REVIEWED]) },
  { name: 'checkout-draft', snapshot: snapshotOf([{ service: CHECKOUT, version: DRAFT, diff: null }]) },
];
