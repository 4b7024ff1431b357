// `npm run bench`: every benchmark, one JSON line per measurement with its ratio to an in-run baseline.
import { benchCatalogList } from './catalog-list';
import { benchChartRender } from './chart-render';
import { benchImportCsv } from './import-csv';
import { benchReplay } from './replay';
import { benchRollingCompliance } from './rolling-compliance';
import { benchSimulation } from './simulation';
import type { Measurement } from './measure';

const results: Measurement[] = [...(await benchCatalogList())];
results.push(...benchRollingCompliance());
results.push(...benchChartRender());
results.push(...benchReplay());
results.push(...(await benchSimulation()));
results.push(...(await benchImportCsv()));
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
