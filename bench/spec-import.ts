// A spec of 10,000 SLOs (1,000 services × 10, Sloth prometheus/v1, about 5 MB) imported through the core, and the
// OpenSLO export of the 10,000-SLO workspace it makes, each against a bare `yaml` parse of the same text in this run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createCore, type Core } from '../electron/core/registry';
import { bigSlothSpec } from '../electron/core/test/big-spec';
import { medianMs, medianMsAsync, report, type Measurement } from './measure';

const SERVICES = 1000;
const SLOS_PER_SERVICE = 10;
const RUNS = 3;
// Bounds: the import measured 2.2× the bare parse (the readers lex the text twice, once for the depth scan, check every
// document against its schema and locate fields; then 1,000 drafts and proposals in one transaction), so 4× leaves room
// for load. The export measured 0.45× a bare parse of the 57 MB it writes (stringifying is cheaper than parsing), held at 1×.
const IMPORT_BOUND = 'ratio <= 4';
const EXPORT_BOUND = 'ratio <= 1';

/** The bare parse every figure is held against: every document of the text to plain values, YAML 1.2 core schema. */
function bareParse(text: string): number {
  return parseAllDocuments(text, { version: '1.2', schema: 'core' }).reduce((n, doc) => (doc.toJS() === null ? n : n + 1), 0);
}

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A core with a fresh workspace at `path`. */
async function coreWith(dir: string, path: string): Promise<Core> {
  const core = createCore({ host: 'cli', version: 'bench', settingsDir: join(dir, 'settings'), resolvePath: (p) => p });
  await call(core.call('workspace/create', { path }));
  return core;
}

/** Times `spec/import` of the 10,000-SLO spec into fresh workspaces and the OpenSLO export of the last one. */
export async function benchSpecImport(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-spec-'));
  try {
    const text = bigSlothSpec(SERVICES, SLOS_PER_SERVICE);
    let documents = 0;
    const baseline = medianMs(() => (documents = bareParse(text)), RUNS, 1);
    if (documents !== SERVICES) throw new Error(`the bare parse read ${documents} documents`);

    let run = 0;
    let core: Core | null = null;
    const imported = await medianMsAsync(
      async () => {
        core?.dispose();
        core = await coreWith(dir, join(dir, `import-${run++}.slowb`));
        const outcome = await call(core.call('spec/import', { files: [{ name: 'big.yaml', text }], rationale: '' }));
        if (outcome.services.length !== SERVICES || outcome.services.some((s) => s.proposedVersion !== 1)) throw new Error('the import lost services');
      },
      RUNS,
      1,
    );
    const megabytes = Math.round((text.length / 1024 / 1024) * 10) / 10;
    const lines = [report({ name: `spec-import-10000-slos-sloth-${megabytes}MB-e2e`, value: imported, unit: 'ms', baseline, target: IMPORT_BOUND })];

    let out = 0;
    let folder = '';
    const exported = await medianMsAsync(
      async () => {
        folder = join(dir, `export-${out++}`);
        const written = await call(
          core!.call('export/write', {
            format: 'openslo',
            serviceIds: null,
            selection: { kind: 'default' },
            requireApproved: false,
            path: folder,
            force: false,
          }),
        );
        if (written.services.length !== SERVICES) throw new Error(`the export took ${written.services.length} services`);
      },
      1,
      0,
    );
    const exportedText = readdirSync(folder)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .join('---\n');
    const exportBaseline = medianMs(() => bareParse(exportedText), 1, 0);
    const exportedMb = Math.round((exportedText.length / 1024 / 1024) * 10) / 10;
    lines.push(
      report({
        name: `export-openslo-10000-slos-${exportedMb}MB`,
        value: exported,
        unit: 'ms',
        baseline: exportBaseline,
        target: EXPORT_BOUND,
      }),
    );
    (core as Core | null)?.dispose();
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
