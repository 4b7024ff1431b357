// `promtool check rules` (Debian's prometheus package) on the rules generated from the project's fixture: one file per
// spec, since Prometheus reads only the first YAML document of a rule file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSlothSpecs, type SlothSpec } from '../specs/sloth';
import { prometheusRules, type PrometheusRulesOptions } from './prometheus-rules';

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
  },
);
