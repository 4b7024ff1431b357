// `npm run bench`: every benchmark, one JSON line per measurement with its ratio to an in-run baseline.
// `npm run bench -- simulation replay` runs only the benchmarks named (catalog, rolling, chart, replay, simulation, import, spec).
import { benchCatalogList } from './catalog-list';
import { benchChartRender } from './chart-render';
import { benchImportCsv } from './import-csv';
import { benchReplay } from './replay';
import { benchRollingCompliance } from './rolling-compliance';
import { benchSimulation } from './simulation';
import { benchSpecImport } from './spec-import';
import type { Measurement } from './measure';

const BENCHMARKS: Record<string, () => Measurement[] | Promise<Measurement[]>> = {
  catalog: benchCatalogList,
  rolling: benchRollingCompliance,
  chart: benchChartRender,
  replay: benchReplay,
  simulation: benchSimulation,
  import: benchImportCsv,
  spec: benchSpecImport,
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; the benchmarks are ${Object.keys(BENCHMARKS).join(', ')}`);
const results: Measurement[] = [];
for (const [name, bench] of Object.entries(BENCHMARKS)) if (asked.length === 0 || asked.includes(name)) results.push(...(await bench()));
const failed = results.filter((r) => r.target && !meets(r));
if (failed.length > 0) {
  console.error(`benchmark targets missed: ${failed.map((f) => `${f.name} (ratio ${f.ratio}, ${f.target})`).join(', ')}`);
  process.exitCode = 1;
}

function meets(r: Measurement): boolean {
  // 'ratio <= N' for times against an in-run baseline; 'value <= N' for budgets that load does not move (memory).
  const m = /^(ratio|value) <= ([\d.]+)$/.exec(r.target ?? '');
  return m ? r[m[1] as 'ratio' | 'value'] <= Number(m[2]) : true;
}
