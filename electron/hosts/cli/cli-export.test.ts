import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonExportReport, JsonSpecImportReport, JsonValidateReport } from './json-output';

let box: Sandbox;
const W = ['--workspace', 'w.slowb'] as const;
const CHATBOT = [...W, '--service', 'chatbot'] as const;
const FORMATS = ['openslo', 'sloth', 'pyrra', 'prometheus-rules', 'markdown', 'pdf'] as const;
const hasTool = (tool: string, flag: string) => {
  try {
    execFileSync(tool, [flag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const promtool = hasTool('promtool', '--version');
const pdftotext = hasTool('pdftotext', '-v');

beforeEach(async () => {
  box = makeSandbox();
  await box.json('workspace', 'create', 'w.slowb');
  await box.json('service', 'add', ...W, 'chatbot');
  await box.json(
    'sli',
    'add',
    ...CHATBOT,
    '--kind',
    'latency',
    '--threshold-ms',
    '200',
    '--histogram',
    'chat_response_seconds',
    '--le',
    '0.2',
    '--good-query',
    'sum(rate(chat_response_seconds_bucket{le="0.2"}[{{.window}}]))',
    '--total-query',
    'sum(rate(chat_response_seconds_count[{{.window}}]))',
    'latency',
  );
  for (const [tier, target, ms] of [
    ['sla', '90', '150'],
    ['slo', '99', '200'],
    ['target', '99.5', '200'],
  ]) {
    await box.json('objective', 'set', ...CHATBOT, '--sli', 'latency', '--tier', tier!, '--target', target!, '--window', '1d', '--threshold-ms', ms!);
  }
});
afterEach(() => box.cleanup());

/** Every file under a folder, relative, the manifest left out. */
const filesIn = (folder: string) =>
  readdirSync(box.path(folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== '.slo-workbench-export.json')
    .map((e) => join(e.parentPath.slice(box.path(folder).length + 1), e.name))
    .sort();

describe('the chatbot from proposal to approved, exported in every format, as a CI job would check it', () => {
  it('refuses --require-approved before sign-off, then exports the approved version, validates the files and runs promtool on the rules', async () => {
    const before = await box.run('export', ...W, '--format', 'openslo', '--require-approved', '--out', 'specs', '--json');
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stderr).error.message).toBe('A service has no approved version, so nothing was exported: chatbot');
    expect(existsSync(box.path('specs'))).toBe(false);

    await box.json('proposal', 'create', ...CHATBOT, '--rationale', 'Agreed in the December workshop');
    for (const [name, role] of [
      ['Ana Ruiz', 'engineering'],
      ['Bo Chen', 'product'],
      ['Cleo Diaz', 'business'],
      ['Dev Patel', 'operations'],
    ]) {
      await box.json('signoff', 'add', ...CHATBOT, '--version', '1', '--name', name!, '--role', role!, '--decision', 'approve');
    }
    // Editing after approval starts a draft; the approved version is still what exports by default.
    await box.json('objective', 'set', ...CHATBOT, '--sli', 'latency', '--tier', 'slo', '--target', '99.9', '--window', '1d', '--threshold-ms', '200');

    for (const format of FORMATS) {
      const report = await box.json<JsonExportReport>('export', ...W, '--format', format, '--require-approved', '--out', `specs/${format}`);
      expect([format, report.services]).toEqual([format, [{ service: 'chatbot', version: 1, state: 'approved' }]]);
      expect(filesIn(`specs/${format}`)).toContain(`LOSSES-${format}.md`);
    }
    expect(readFileSync(box.path('specs/openslo/chatbot.yaml'), 'utf8')).toContain('target: 0.99\n');

    const specs = [
      ...filesIn('specs/openslo').map((f) => `specs/openslo/${f}`),
      ...filesIn('specs/sloth').map((f) => `specs/sloth/${f}`),
      ...filesIn('specs/pyrra').map((f) => `specs/pyrra/${f}`),
    ].filter((f) => f.endsWith('.yaml'));
    const validated = await box.json<JsonValidateReport>('validate', ...specs);
    expect([validated.valid, validated.files.length]).toEqual([true, specs.length]);

    if (promtool) {
      const rules = filesIn('specs/prometheus-rules');
      expect(rules).toEqual(['LOSSES-prometheus-rules.md', 'chatbot.rules.test.yaml', 'chatbot.rules.yaml']);
      expect(execFileSync('promtool', ['check', 'rules', 'chatbot.rules.yaml'], { cwd: box.path('specs/prometheus-rules'), encoding: 'utf8' })).toContain(
        'SUCCESS',
      );
      expect(execFileSync('promtool', ['test', 'rules', 'chatbot.rules.test.yaml'], { cwd: box.path('specs/prometheus-rules'), encoding: 'utf8' })).toContain(
        'SUCCESS',
      );
    }

    // The review documents hold the approved version's sign-off table, for people.
    const markdown = readFileSync(box.path('specs/markdown/review.md'), 'utf8');
    for (const name of ['Ana Ruiz', 'Bo Chen', 'Cleo Diaz', 'Dev Patel']) expect(markdown).toContain(name);
    expect(readFileSync(box.path('specs/pdf/review.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (pdftotext) {
      const text = execFileSync('pdftotext', ['-layout', 'review.pdf', '-'], { cwd: box.path('specs/pdf'), encoding: 'utf8' });
      expect(text).toContain('chatbot: version 1 (approved)');
      for (const name of ['Ana Ruiz', 'Bo Chen', 'Cleo Diaz', 'Dev Patel']) expect(text).toContain(name);
    }

    // The same workspace again writes the same bytes: nothing changes.
    const again = await box.json<JsonExportReport>('export', ...W, '--format', 'openslo', '--out', 'specs/openslo');
    expect(again.written).toEqual([]);
  }, 120_000);

  it('exports the draft by default when nothing is approved, marked as a draft, and refuses files it did not write', async () => {
    const draft = await box.json<JsonExportReport>('export', ...W, '--format', 'pyrra', '--out', 'out');
    expect(draft.services).toEqual([{ service: 'chatbot', version: null, state: 'draft' }]);
    expect(readFileSync(box.path('out/chatbot-latency-slo.yaml'), 'utf8')).toContain('DRAFT');
    writeFileSync(box.path('out/notes.yaml'), 'mine');
    writeFileSync(box.path('out/chatbot-latency-slo.yaml'), 'edited by hand');
    const refused = await box.run('export', ...W, '--format', 'pyrra', '--out', 'out');
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringContaining('did not write or that changed since (chatbot-latency-slo.yaml); nothing was written'),
    ]);
    expect(readFileSync(box.path('out/chatbot-latency-slo.yaml'), 'utf8')).toBe('edited by hand');
    expect((await box.json<JsonExportReport>('export', ...W, '--format', 'pyrra', '--out', 'out', '--force')).written).toEqual(['chatbot-latency-slo.yaml']);
    expect(readFileSync(box.path('out/notes.yaml'), 'utf8')).toBe('mine');
  }, 60_000);
});

describe('validate and import-spec', () => {
  it('exits 1 naming the file, document and field of an invalid spec, and of a file of no known format', async () => {
    writeFileSync(
      box.path('bad.yaml'),
      'version: prometheus/v1\nservice: web\nslos:\n  - name: avail\n    objective: 100\n    sli:\n      raw:\n        error_ratio_query: x[5m]\n',
    );
    writeFileSync(box.path('other.yaml'), 'kind: Deployment\n');
    const run = await box.run('validate', 'bad.yaml', 'other.yaml');
    expect(run.code).toBe(1);
    expect(run.stdoutLines[0]).toBe('bad.yaml: invalid Sloth prometheus/v1');
    expect(run.stdout).toContain('bad.yaml: Document 1 slos.0.objective: must be above 0 and below 100');
    expect(run.stdout).toContain('bad.yaml: Document 1 slos.0.sli.raw.error_ratio_query');
    expect(run.stdout).toContain('other.yaml: not a spec file this reads: it names no apiVersion');
    expect(run.stdoutLines.at(-1)).toBe('2 of 2 files invalid');
  });

  it('imports exported OpenSLO into a new workspace as version 1 of each service, and a set with one bad file not at all', async () => {
    await box.json('export', ...W, '--format', 'openslo', '--out', 'out');
    await box.json('workspace', 'create', 'new.slowb');
    writeFileSync(box.path('bad.yaml'), 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: Not_A_Name\nspec: {}\n');
    const refused = await box.run('import-spec', 'out/chatbot.yaml', 'bad.yaml', '--workspace', 'new.slowb');
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('Nothing was imported')]);
    expect(refused.stderr).toContain('bad.yaml');
    const imported = await box.json<JsonSpecImportReport>('import-spec', 'out/chatbot.yaml', '--workspace', 'new.slowb');
    expect(imported.services).toEqual([{ name: 'chatbot', created: true, slisAdded: ['latency'], slisUpdated: [], proposedVersion: 1 }]);
    const show = await box.json<{ services: { slis: { name: string; tiers: { tier: string; target: string }[] }[] }[] }>('show', '--workspace', 'new.slowb');
    expect(show.services[0]!.slis[0]!.tiers.map((t) => [t.tier, t.target])).toEqual([
      ['sla', '90'],
      ['slo', '99'],
      ['target', '99.5'],
    ]);
  });
});
