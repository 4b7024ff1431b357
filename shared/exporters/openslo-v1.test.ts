// The OpenSLO v1 exporter against its golden files: shared/exporters/testdata/openslo/<case>/ holds every file it
// writes for the case and report.json, its loss report, compared byte for byte. After a deliberate change:
//   UPDATE_GOLDEN=1 npx vitest run shared/exporters/openslo-v1.test.ts
// and read the diff before committing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SLOTH_28D } from '../budget/alerts';
import { parseOpenSlo } from '../specs/openslo';
import { openSloName } from './names';
import { openSloV1Exporter } from './openslo-v1';
import { APPROVED, CHATBOT, CHECKOUT, DRAFT, OPENSLO_CASES, service, snapshotOf } from './test/openslo-cases';

const GOLDEN = fileURLToPath(new URL('./testdata/openslo/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const render = (snapshot = snapshotOf([{ service: CHATBOT, version: APPROVED }])) => openSloV1Exporter.render(snapshot);
const documentsOf = (text: string) =>
  parseAllDocuments(text).map(
    (d) => d.toJS() as { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec: Record<string, unknown> },
  );

describe('the OpenSLO v1 golden files', () => {
  for (const { name, snapshot } of OPENSLO_CASES) {
    it(`writes the files of ${name} byte for byte as testdata/openslo/${name}`, () => {
      const dir = join(GOLDEN, name);
      const { files, report } = openSloV1Exporter.render(snapshot);
      const expected = [...files.map((f) => ({ name: f.name, text: f.text })), { name: 'report.json', text: `${JSON.stringify(report, null, 2)}\n` }];
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const f of expected) writeFileSync(join(dir, f.name), f.text);
      }
      expect(existsSync(dir), `${dir} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(expected.map((f) => f.name).sort());
      for (const f of expected) expect(f.text, f.name).toBe(readFileSync(join(dir, f.name), 'utf8'));
    });
  }
});

describe('the OpenSLO v1 exporter', () => {
  it('writes the same bytes for the same snapshot', () => {
    expect(render()).toEqual(render());
  });

  it('writes every file so that our OpenSLO reader accepts every document', () => {
    for (const { snapshot } of OPENSLO_CASES) {
      for (const file of openSloV1Exporter.render(snapshot).files) {
        const parsed = parseOpenSlo(file.text, file.name);
        expect(parsed.ok ? [] : parsed.issues.map((i) => i.message), file.name).toEqual([]);
      }
    }
  });

  it('puts the chatbot SLA (150 ms) in its own SLO and the SLO and target (200 ms) together, each with its bucket query', () => {
    const docs = documentsOf(render().files[0]!.text);
    const slos = docs.filter((d) => d.kind === 'SLO');
    expect(slos.map((d) => [d.metadata.name, d.spec.indicatorRef, d.spec.objectives])).toEqual([
      ['chatbot-response-latency-sla', 'chatbot-response-latency-150ms', [{ displayName: 'SLA', target: 0.9 }]],
      [
        'chatbot-response-latency-slo-target',
        'chatbot-response-latency',
        [
          { displayName: 'SLO', target: 0.99 },
          { displayName: 'performance target', target: 0.995 },
        ],
      ],
      ['chatbot-helpful-answers', 'chatbot-helpful-answers', [{ displayName: 'SLO', target: 0.95 }]],
    ]);
    expect(slos[0]!.spec.timeWindow).toEqual([{ duration: '1d', isRolling: true }]);
    expect(slos[0]!.spec.budgetingMethod).toBe('Occurrences');
    const sla = docs.find((d) => d.kind === 'SLI' && d.metadata.name === 'chatbot-response-latency-150ms')!;
    expect(JSON.stringify(sla.spec.ratioMetric)).toContain('chatbot_response_seconds_bucket{le=\\"0.15\\"}');
  });

  it('writes a page and a ticket, quick and slow, burn-rate condition and policy per SLO from the alert set the backtest uses', () => {
    const docs = documentsOf(render(snapshotOf([{ service: CHECKOUT, version: DRAFT }])).files[0]!.text);
    const conditions = docs.filter((d) => d.kind === 'AlertCondition' && d.metadata.name.startsWith('checkout-api-availability-slo-target-'));
    expect(conditions.map((d) => [d.spec.severity, d.spec.condition])).toEqual([
      ['page', { kind: 'burnrate', op: 'gt', threshold: 13.44, lookbackWindow: '1h', alertAfter: '1m' }],
      ['page', { kind: 'burnrate', op: 'gt', threshold: 5.6, lookbackWindow: '6h', alertAfter: '1m' }],
      ['ticket', { kind: 'burnrate', op: 'gt', threshold: 2.8, lookbackWindow: '1d', alertAfter: '1m' }],
      ['ticket', { kind: 'burnrate', op: 'gt', threshold: 0.9333333333333333, lookbackWindow: '3d', alertAfter: '1m' }],
    ]);
    const policy = docs.find((d) => d.kind === 'AlertPolicy' && d.metadata.name === 'checkout-api-availability-slo-target-page-quick')!;
    expect(policy.spec.conditions).toEqual([{ conditionRef: 'checkout-api-availability-slo-target-page-quick' }]);
    expect(policy.spec.notificationTargets).toEqual([{ targetRef: 'checkout-api-page' }]);
  });

  it("takes the workspace's own alert set for the period before the built-in one", () => {
    const own = { ...SLOTH_28D, name: 'Our 28 days', page: { ...SLOTH_28D.page, quick: { budgetPercent: 4, shortMinutes: 10, longMinutes: 120 } } };
    const snapshot = { ...snapshotOf([{ service: CHECKOUT, version: DRAFT }]), customAlertSets: [own] };
    const docs = documentsOf(openSloV1Exporter.render(snapshot).files[0]!.text);
    const quick = docs.find((d) => d.metadata.name === 'checkout-api-availability-slo-target-page-quick' && d.kind === 'AlertCondition')!;
    expect(quick.spec.condition).toMatchObject({ threshold: 13.44, lookbackWindow: '2h' });
    expect(quick.metadata.annotations).toMatchObject({ 'slo-workbench.dev/short-window': '10m', 'slo-workbench.dev/alert-set': 'Our 28 days' });
  });

  it('marks a draft as a draft in the header and in the annotations of the Service and of each SLO', () => {
    const text = render(snapshotOf([{ service: CHECKOUT, version: DRAFT }])).files[0]!.text;
    expect(text.split('\n')[0]).toBe('# OpenSLO v1 of Checkout API, DRAFT, never proposed: not approved.');
    for (const d of documentsOf(text).filter((d) => d.kind === 'Service' || d.kind === 'SLO')) {
      expect(d.metadata.annotations, d.metadata.name).toMatchObject({ 'slo-workbench.dev/version': 'draft', 'slo-workbench.dev/version-state': 'draft' });
    }
  });

  it('carries every sign-off of the approved version in an annotation of its own', () => {
    const serviceDoc = documentsOf(render().files[0]!.text)[0]!;
    expect(JSON.parse(serviceDoc.metadata.annotations!['slo-workbench.dev/signoff-4']!)).toEqual({
      name: 'Dev Patel',
      role: 'operations',
      decision: 'approve',
      date: '2026-12-02',
      rationale: 'Pages are tolerable: "14.4× over 1h"',
    });
  });

  it('names every object as an RFC-1123 label of at most 63 characters, each name once per kind, and keeps the full name', () => {
    const long = 'Ünïcode Service — with a name far longer than sixty-three characters, to be cut';
    const snapshot = snapshotOf([
      { service: service(5, { name: long }), version: DRAFT },
      { service: service(6, { name: 'unicode service with a name far longer than sixty three characters' }), version: DRAFT },
      { service: service(7, { name: 'A/B' }), version: DRAFT },
      { service: service(8, { name: 'a b' }), version: DRAFT },
    ]);
    const names = openSloV1Exporter.render(snapshot).files.map((f) => f.name);
    expect(names).toEqual([
      `${openSloName(long)}.yaml`,
      `${openSloName('unicode service with a name far longer than sixty three characters')}.yaml`,
      'a-b.yaml',
      'a-b-2.yaml',
    ]);
    for (const n of names) expect(n.replace(/\.yaml$/, '')).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    const first = documentsOf(openSloV1Exporter.render(snapshot).files[0]!.text)[0]!;
    expect(first.metadata.annotations!['slo-workbench.dev/name']).toBe(long);
  });

  it('reports what OpenSLO cannot carry, naming the services and SLIs concerned', () => {
    const { report } = render();
    const byId = Object.fromEntries(report.losses.map((l) => [l.id, l.concerns]));
    expect(byId['split-slos']).toEqual(['Chatbot / Response latency']);
    expect(byId.dependencies).toEqual(['Chatbot']);
    expect(byId['budget-policy']).toEqual(['Chatbot']);
    expect(byId['requests-per-day']).toEqual(['Chatbot']);
    expect(byId['calendar-start']).toEqual(['Chatbot / Helpful answers']);
    expect(byId.freshness).toBeUndefined();
    expect(report.losses.every((l) => openSloV1Exporter.losses.some((known) => known.id === l.id))).toBe(true);
  });
});
