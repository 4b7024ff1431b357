// Workspaces the Sloth and Prometheus rules exporters' golden files are written from: the chatbot and checkout cases the
// OpenSLO exporter uses too (one workspace, every format), and a payments service with a 30-day availability SLI.
import type { Service } from '../../domain/types';
import type { ExportSnapshot, ExportVersion } from '../types';
import { APPROVED, CHATBOT, CHECKOUT, DRAFT, objective, service, sli, snapshotOf } from './openslo-cases';

/** Version 1 of payments, proposed, with one of its four approvals so far. */
export const PROPOSED: ExportVersion = {
  number: 1,
  state: 'proposed',
  rationale: 'Payments keeps the 99.9 % it has met for a year;\nthe SLA follows the card network contract',
  proposedOn: '2026-12-03',
  requiredRoles: ['engineering', 'product', 'business', 'operations'],
  signoffs: [{ name: 'Ana Ruiz', role: 'engineering', decision: 'approve', rationale: '', date: '2026-12-04' }],
};

/** A payments service: availability over a rolling 30 days (Sloth's default windows), measured by good and total requests. */
export const PAYMENTS: Service = service(3, {
  name: 'payments',
  slis: [
    sli(31, 3, {
      name: 'Charges succeed',
      kind: 'availability',
      queries: {
        form: 'good-total',
        good: 'sum(rate(http_requests_total{job="payments",code!~"5.."}[{{.window}}]))',
        total: 'sum(rate(http_requests_total{job="payments"}[{{.window}}]))',
      },
      objectives: { sla: objective('sla', 995_000), slo: objective('slo', 999_000) },
    }),
  ],
});

/** The golden cases: each a folder under testdata/sloth and testdata/prometheus-rules, and its snapshot. */
export const SLOTH_CASES: readonly { name: string; snapshot: ExportSnapshot }[] = [
  { name: 'chatbot-approved', snapshot: snapshotOf([{ service: CHATBOT, version: APPROVED }]) },
  { name: 'checkout-draft', snapshot: snapshotOf([{ service: CHECKOUT, version: DRAFT }]) },
  { name: 'payments-30d-proposed', snapshot: snapshotOf([{ service: PAYMENTS, version: PROPOSED }]) },
];
