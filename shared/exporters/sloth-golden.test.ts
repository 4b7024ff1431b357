// The Sloth and Prometheus rules exporters against their golden files: shared/exporters/testdata/<exporter id>/<case>/
// holds every file the exporter writes for the case and report.json, its loss report, compared byte for byte. After a
// deliberate change:
//   UPDATE_GOLDEN=1 npx vitest run shared/exporters/sloth-golden.test.ts
// and read the diff before committing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prometheusRulesExporter } from './prometheus-rules-exporter';
import { slothSpecExporter } from './sloth-spec';
import { SLOTH_CASES } from './test/sloth-cases';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the Sloth and Prometheus rules golden files', () => {
  for (const exporter of [slothSpecExporter, prometheusRulesExporter]) {
    for (const { name, snapshot } of SLOTH_CASES) {
      it(`writes the ${exporter.id} files of ${name} byte for byte as testdata/${exporter.id}/${name}`, () => {
        const dir = join(TESTDATA, exporter.id, name);
        const { files, report } = exporter.render(snapshot);
        const expected = [...files, { name: 'report.json', text: `${JSON.stringify(report, null, 2)}\n` }];
        if (UPDATE) {
          rmSync(dir, { recursive: true, force: true });
          for (const f of expected) {
            mkdirSync(dirname(join(dir, f.name)), { recursive: true });
            writeFileSync(join(dir, f.name), f.text);
          }
        }
        expect(existsSync(dir), `${dir} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(
          filesUnder(dir)
            .map((p) => relative(dir, p))
            .sort(),
        ).toEqual(expected.map((f) => f.name).sort());
        for (const f of expected) expect(f.text, f.name).toBe(readFileSync(join(dir, f.name), 'utf8'));
      });
    }
  }
});
