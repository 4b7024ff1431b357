// The Pyrra exporter against its golden files: shared/exporters/testdata/pyrra/<case>/ holds every file it writes for
// the case and report.json, its loss report, compared byte for byte. After a deliberate change:
//   UPDATE_GOLDEN=1 npx vitest run shared/exporters/pyrra.test.ts
// and read the diff before committing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePyrraObjectives, type PyrraObjective } from '../specs/pyrra';
import { pyrraHeader } from './names';
import { pyrraExporter } from './pyrra';
import { errorsOfGood } from './pyrra-indicator';
import { APPROVED, CHATBOT, CHECKOUT, DRAFT, objective, PYRRA_CASES, service, sli, snapshotOf } from './test/pyrra-cases';

const GOLDEN = fileURLToPath(new URL('./testdata/pyrra/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const render = (services = [{ service: CHATBOT, version: APPROVED }]) => pyrraExporter.render(snapshotOf(services));

function objectives(files: { name: string; text: string }[]): PyrraObjective[] {
  return files.flatMap((f) => {
    const read = parsePyrraObjectives(f.text, f.name);
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
    return read.value;
  });
}

describe('the Pyrra golden files', () => {
  for (const { name, snapshot } of PYRRA_CASES) {
    it(`writes the files of ${name} byte for byte as testdata/pyrra/${name}`, () => {
      const dir = join(GOLDEN, name);
      const { files, report } = pyrraExporter.render(snapshot);
      const expected = [...files, { name: 'report.json', text: `${JSON.stringify(report, null, 2)}\n` }];
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

describe('the Pyrra exporter', () => {
  it('writes the same bytes for the same snapshot, one objective per file, each our reader accepts', () => {
    expect(render()).toEqual(render());
    const { files } = render();
    expect(files.map((f) => f.name)).toEqual([
      'chatbot-response-latency-sla.yaml',
      'chatbot-response-latency-slo.yaml',
      'chatbot-response-latency-target.yaml',
      'chatbot-helpful-answers-slo.yaml',
    ]);
    for (const f of files) expect(f.text.startsWith(pyrraHeader('0.1.0')), f.name).toBe(true);
    expect(objectives(files).map((o) => o.document)).toEqual([1, 1, 1, 1]);
  });

  it('writes the chatbot tiers from the histogram: the SLA at its own 150 ms bucket, the SLO and target at 200 ms, over 1 day', () => {
    const [sla, slo, target] = objectives(render().files);
    expect([sla!.target, slo!.target, target!.target]).toEqual(['90', '99', '99.5']);
    expect([sla!.window, slo!.window, target!.window]).toEqual(['1d', '1d', '1d']);
    expect(sla!.indicator).toMatchObject({ kind: 'latency', le: '0.15' });
    expect(slo!.indicator).toMatchObject({ kind: 'latency', le: '0.2', total: { metric: 'chatbot_response_seconds_count' } });
    expect(target!.indicator).toMatchObject({ kind: 'latency', le: '0.2' });
  });

  it('lets only the SLO tier alert, with page and ticket severities', () => {
    const [sla, slo, target] = objectives(render().files);
    expect(slo!.alerting).toMatchObject({
      burnrates: true,
      absent: true,
      severities: { fastBurn: 'page', mediumBurn: 'page', slowBurn: 'ticket', longTermBurn: 'ticket', absent: 'page' },
    });
    for (const quiet of [sla!, target!]) expect(quiet.alerting).toMatchObject({ burnrates: false, absent: false });
  });

  it('carries the version, its state and every sign-off in annotations, and marks a draft as a draft', () => {
    const [approved] = objectives(render().files);
    expect(approved!.annotations['slo-workbench.dev/version']).toBe('2');
    expect(approved!.annotations['slo-workbench.dev/version-state']).toBe('approved');
    expect(JSON.parse(approved!.annotations['slo-workbench.dev/signoff-4']!)).toEqual(APPROVED.signoffs[3]);
    expect(approved!.description).toMatch(/^Approved version 2\. SLA of Chatbot \/ Response latency: 90 % of requests are good/);
    const [draft] = objectives(render([{ service: CHATBOT, version: DRAFT }]).files);
    expect(draft!.annotations['slo-workbench.dev/version']).toBe('draft');
    expect(draft!.annotations['slo-workbench.dev/version-state']).toBe('draft');
    expect(draft!.description).toMatch(/^DRAFT, never proposed, not approved\./);
  });

  it('writes good/total queries as the total with the extra matcher negated, and refuses those that differ more', () => {
    const total = { metric: 'payments_total', matchers: [{ name: 'provider', op: '=' as const, value: 'acme' }] };
    const good = { ...total, matchers: [...total.matchers, { name: 'result', op: '!~' as const, value: 'declined|error' }] };
    expect(errorsOfGood(good, total)).toEqual({ ...total, matchers: [...total.matchers, { name: 'result', op: '=~', value: 'declined|error' }] });
    expect(errorsOfGood({ ...good, metric: 'other_total' }, total)).toBeNull();
    expect(errorsOfGood({ ...good, matchers: [...good.matchers, { name: 'x', op: '=', value: 'y' }] }, total)).toBeNull();
    expect(errorsOfGood(total, total)).toBeNull();
  });

  it('reports each loss with what it concerns and leaves out SLIs Pyrra cannot measure, never silently', () => {
    const { files, report } = render([{ service: CHECKOUT, version: DRAFT }]);
    const byId = Object.fromEntries(report.losses.map((l) => [l.id, l.concerns]));
    expect(byId).toEqual({
      'calendar-window': ['Checkout API / availability (SLA)'],
      timeslices: ['Checkout API / availability (performance target)'],
      'alert-windows': ['Checkout API / availability', 'Checkout API / Payments accepted', 'Checkout API / Probe', 'Checkout API / Basket latency'],
      'error-ratio': ['Checkout API / Order totals correct'],
      unmeasured: ['Checkout API / Catalogue freshness'],
      'tier-threshold': ['Checkout API / Basket latency (SLA)'],
    });
    expect(files.map((f) => f.name)).toEqual([
      'checkout-api-availability-sla.yaml',
      'checkout-api-availability-slo.yaml',
      'checkout-api-availability-target.yaml',
      'checkout-api-payments-accepted-slo.yaml',
      'checkout-api-probe-slo.yaml',
      'checkout-api-basket-latency-slo.yaml',
    ]);
    const [sla] = objectives(files);
    expect(sla!.window).toBe('13w');
  });

  it('names two SLIs whose names meet in one slug apart, and reports a query that is not a selector rate', () => {
    const queries = { form: 'bad-total', bad: 'sum(rate(a_total{code="5"}[{{.window}}]))', total: 'sum(rate(a_total[{{.window}}]))' } as const;
    const twins = service(3, {
      name: 'Shop',
      slis: [
        sli(31, 3, { name: 'Cart!', kind: 'availability', queries, objectives: { slo: objective('slo', 990_000) } }),
        sli(32, 3, { name: 'cart', kind: 'availability', queries, objectives: { slo: objective('slo', 990_000) } }),
        sli(33, 3, {
          name: 'Sum',
          kind: 'availability',
          queries: { ...queries, bad: 'sum(rate(a_total[{{.window}}])) - sum(rate(b_total[{{.window}}]))' },
          objectives: { slo: objective('slo', 990_000) },
        }),
      ],
    });
    const { files, report } = render([{ service: twins, version: DRAFT }]);
    expect(files.map((f) => f.name)).toEqual(['shop-cart-slo.yaml', 'shop-cart-slo-2.yaml']);
    expect(report.losses.find((l) => l.id === 'query-shape')?.concerns).toEqual(['Shop / Sum']);
  });
});
