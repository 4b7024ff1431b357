// `promtool check rules` and `promtool test rules` (Debian's prometheus package) on every file the Prometheus rules
// exporter writes for its golden cases, as a CI job would run them on an export.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prometheusRulesExporter } from './prometheus-rules-exporter';
import { SLOTH_CASES } from './test/sloth-cases';
import type { ExportFile } from './types';

const PROMTOOL = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'slo-rules-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a case's files into a folder of their own and runs promtool on one of them. */
function promtool(name: string, files: readonly ExportFile[], args: string[]): { status: number | null; output: string } {
  const cwd = join(dir, name);
  mkdirSync(cwd, { recursive: true });
  for (const f of files) writeFileSync(join(cwd, f.name), f.text);
  const run = spawnSync(PROMTOOL!, args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!PROMTOOL)(`promtool on exported rule files${PROMTOOL ? '' : ' (skipped: promtool is not installed; apt-get install prometheus)'}`, () => {
  for (const { name, snapshot } of SLOTH_CASES) {
    it(`accepts the rules of ${name} (check rules) and proves each alert fires on an outage (test rules)`, () => {
      const { files } = prometheusRulesExporter.render(snapshot);
      for (const rules of files.filter((f) => f.name.endsWith('.rules.yaml'))) {
        expect(promtool(name, files, ['check', 'rules', rules.name]), rules.name).toMatchObject({ status: 0, output: expect.stringContaining('SUCCESS') });
      }
      for (const test of files.filter((f) => f.name.endsWith('.rules.test.yaml'))) {
        expect(promtool(name, files, ['test', 'rules', test.name]), test.name).toMatchObject({ status: 0, output: expect.stringContaining('SUCCESS') });
      }
    });
  }

  it('fails the outage test when the page alerts cannot fire (their factors raised a hundredfold), so the test can fail', () => {
    const { files } = prometheusRulesExporter.render(SLOTH_CASES[0]!.snapshot);
    const broken = files.map((f) =>
      f.name.endsWith('.rules.yaml') ? { ...f, text: f.text.replaceAll('(14.4 *', '(1440 *').replaceAll('(6 *', '(600 *') } : f,
    );
    const verdict = promtool('broken', broken, ['test', 'rules', 'chatbot.rules.test.yaml']);
    expect(verdict.status).toBe(1);
    expect(verdict.output).toMatch(/FAILED:[\s\S]*exp:[\s\S]*severity="page"[\s\S]*got:/);
  });
});
