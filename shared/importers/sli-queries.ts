// An SLI's own Prometheus queries turned into a live import's: {{.window}} becomes the step, so each step's answer
// covers exactly that step; a query of per-second rates (rate, irate) is multiplied by the step's seconds to give
// events per step, one of increases (increase) already gives them; bad and total become good = total − bad.
import { fillWindow } from '../domain/queries';
import type { SliQueries } from '../domain/types';
import type { FieldCheck } from '../domain/validation';

/** The live import's queries, as the import/prometheus channel takes them. */
export type LiveQueries = { kind: 'good-total'; good: string; total: string } | { kind: 'error-ratio'; errorRatio: string };

/** A query's range function, outside string literals: rates, increases, both or neither. */
function rangeFunctions(query: string): { rates: boolean; increases: boolean } {
  const code = query.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  return { rates: /\b(i?rate)\s*\(/.test(code), increases: /\bincrease\s*\(/.test(code) };
}

/** Events per step of a counting query with the window filled in, or why it cannot tell. */
function perStep(query: string, what: string, stepSeconds: number): FieldCheck<string> {
  const filled = fillWindow(query, `${stepSeconds}s`);
  const { rates, increases } = rangeFunctions(query);
  if (rates && !increases) return { ok: true, value: `(${filled}) * ${stepSeconds}` };
  if (increases && !rates) return { ok: true, value: filled };
  return {
    ok: false,
    message:
      `The SLI's ${what} query uses ${rates ? 'both rate() and increase()' : 'neither rate() nor increase()'}, so it cannot tell ` +
      'whether its answer is per second or per step; give the live queries explicitly (--good and --total, or --error-ratio)',
  };
}

/** The live import queries of an SLI's queries at a step, or why they cannot be used. */
export function liveImportQueries(queries: SliQueries, stepSeconds: number): FieldCheck<LiveQueries> {
  if (queries.form === 'error-ratio') return { ok: true, value: { kind: 'error-ratio', errorRatio: fillWindow(queries.errorRatio, `${stepSeconds}s`) } };
  const total = perStep(queries.total, 'total', stepSeconds);
  if (!total.ok) return total;
  if (queries.form === 'good-total') {
    const good = perStep(queries.good, 'good', stepSeconds);
    return good.ok ? { ok: true, value: { kind: 'good-total', good: good.value, total: total.value } } : good;
  }
  const bad = perStep(queries.bad, 'bad', stepSeconds);
  return bad.ok ? { ok: true, value: { kind: 'good-total', good: `(${total.value}) - (${bad.value})`, total: total.value } } : bad;
}
