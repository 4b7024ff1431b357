// `promtool check rules` and `promtool test rules` (Debian's prometheus package) on the rules generated from the
// project's fixture and their outage tests: one file per spec, since Prometheus reads only the first YAML document.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSlothSpecs, type SlothSpec } from '../specs/sloth';
import { prometheusRules, type PrometheusRulesOptions } from './prometheus-rules';
import { promtoolOutageTest } from './promtool-tests';

const PROMTOOL = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((p) => existsSync(p));
const FIXTURE = readFileSync(new URL('../../fixtures/specs/sloth/checkout.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function specs(text: string): SlothSpec[] {
  const result = parseSlothSpecs(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** promtool's verdict on the rules of a spec: its exit status and what it printed. */
function check(spec: SlothSpec, options: Partial<PrometheusRulesOptions> = {}): { status: number | null; output: string } {
  const rules = prometheusRules(spec, { generatorVersion: 'test', ...options });
  if (!rules.ok) throw new Error(rules.message);
  const file = join(dir, `${spec.service}-${spec.document}.yaml`);
  writeFileSync(file, rules.value);
  const run = spawnSync(PROMTOOL!, ['check', 'rules', file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!PROMTOOL)(
  `promtool check rules on generated rules${PROMTOOL ? '' : ' (skipped: promtool is not installed; apt-get install prometheus)'}`,
  () => {
    it('accepts the rules of both specs of the fixture: 33 for checkout, 16 for payments', () => {
      const [checkout, payments] = specs(FIXTURE);
      expect(check(checkout!)).toMatchObject({ status: 0, output: expect.stringContaining('SUCCESS: 33 rules found') });
      expect(check(payments!)).toMatchObject({ status: 0, output: expect.stringContaining('SUCCESS: 16 rules found') });
    });

    it('accepts them for a 28-day period, for a week with fitted windows, and with extra labels', () => {
      const [checkout] = specs(FIXTURE);
      for (const options of [{ periodMinutes: 28 * 1440 }, { periodMinutes: 7 * 1440 }, { extraLabels: { env: 'prod' } }]) {
        expect(check(checkout!, options).status).toBe(0);
      }
    });

    it('refuses the rules of a query with unbalanced brackets, so the check can fail', () => {
      const [, payments] = specs(FIXTURE.replace('sum(rate(charges_total[{{.window}}]))', 'sum(rate(charges_total[{{.window}}])'));
      const verdict = check(payments!);
      expect(verdict.status).toBe(1);
      expect(verdict.output).toContain('unclosed left parenthesis');
    });

    it('passes the generated outage test (promtool test rules) for each spec at 30 days, 28 days and a fitted week', () => {
      for (const spec of specs(FIXTURE)) {
        for (const periodMinutes of [30 * 1440, 28 * 1440, 7 * 1440]) {
          const verdict = outage(spec, periodMinutes, (rules) => rules);
          expect(verdict, `${spec.service}, ${periodMinutes} minutes`).toMatchObject({ status: 0, output: expect.stringContaining('SUCCESS') });
        }
      }
    });

    it('fails the outage test when the page alert cannot fire (its factors raised a hundredfold), so the test can fail', () => {
      const [checkout] = specs(FIXTURE);
      const verdict = outage(checkout!, 30 * 1440, (rules) => rules.replaceAll('(14.4 *', '(1440 *').replaceAll('(6 *', '(600 *'));
      expect(verdict.status).toBe(1);
      expect(verdict.output).toContain('alertname: CheckoutHighErrorRate, time: 1h22m');
    });
  },
);

/** promtool test rules on the outage test of a spec, its rules written after `edit`. */
function outage(spec: SlothSpec, periodMinutes: number, edit: (rules: string) => string): { status: number | null; output: string } {
  const name = `${spec.service}-${periodMinutes}`;
  const rules = prometheusRules(spec, { generatorVersion: 'test', periodMinutes });
  const test = promtoolOutageTest(spec, { rulesFile: `${name}.rules.yaml`, periodMinutes });
  if (!rules.ok || !test.ok) throw new Error(rules.ok ? (test.ok ? '' : test.message) : rules.message);
  writeFileSync(join(dir, `${name}.rules.yaml`), edit(rules.value));
  writeFileSync(join(dir, `${name}.test.yaml`), test.value);
  const run = spawnSync(PROMTOOL!, ['test', 'rules', `${name}.test.yaml`], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
