// `npm run bench`: every benchmark, one JSON line per measurement with its ratio to an in-run baseline.
import { benchCatalogList } from './catalog-list';
import { benchChartRender } from './chart-render';
import { benchRollingCompliance } from './rolling-compliance';
import type { Measurement } from './measure';

const results: Measurement[] = [...(await benchCatalogList())];
results.push(...benchRollingCompliance());
results.push(...benchChartRender());
const failed = results.filter((r) => r.target && !meets(r));
if (failed.length > 0) {
  console.error(`benchmark targets missed: ${failed.map((f) => `${f.name} (ratio ${f.ratio}, ${f.target})`).join(', ')}`);
  process.exitCode = 1;
}

function meets(r: Measurement): boolean {
  const m = /^ratio <= ([\d.]+)$/.exec(r.target ?? '');
  return m ? r.ratio <= Number(m[1]) : true;
}
