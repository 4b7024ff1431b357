// Checks of what an SLI is measured by: its Prometheus queries (balanced brackets, Sloth's {{.window}} placeholder
// where the range goes, no other template), a latency histogram's metric and `le` bucket, a freshness SLI's maximum
// age and a custom SLI's wording. The tier editor, the CLI and the contract use these, so they say the same thing.
import type { FieldCheck } from './validation';
import type { LatencyHistogram, SliQueries, SliWording } from './types';

/** Sloth's placeholder for a query's range, e.g. rate(http_requests_total[{{.window}}]). */
export const WINDOW_PLACEHOLDER_TEXT = '{{.window}}';

/** The placeholder as Sloth's template engine accepts it (spaces allowed inside the braces). */
const PLACEHOLDER = /\{\{ *\.window *\}\}/g;

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 4000;

/** Longest wording of good or total events, in characters. */
export const MAX_WORDING_LENGTH = 80;

/** Largest maximum data age of a freshness SLI: 30 days, in milliseconds. */
export const MAX_FRESHNESS_AGE_MS = 30 * 86_400_000;

const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * The first unbalanced bracket of a PromQL text, outside string literals ("…", '…', `…`) and # comments, or null when
 * every (, [ and { is closed in order. Positions are 1-based characters.
 */
export function unbalancedBracket(text: string): { position: number; message: string } | null {
  const open: { char: string; position: number }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '(' || c === '[' || c === '{') open.push({ char: c, position: i + 1 });
    else if (c in PAIRS) {
      const last = open.pop();
      if (!last) return { position: i + 1, message: `"${c}" at character ${i + 1} closes nothing` };
      if (last.char !== PAIRS[c])
        return { position: i + 1, message: `"${c}" at character ${i + 1} does not close the "${last.char}" at character ${last.position}` };
    }
  }
  if (quote) return { position: text.length, message: `a string opened with ${quote} is never closed` };
  const last = open.at(-1);
  return last ? { position: last.position, message: `the "${last.char}" at character ${last.position} is never closed` } : null;
}

/** Checks one query: not empty, not too long, {{.window}} where the range goes, no other template, balanced brackets. */
export function checkPromQuery(input: string, what: string): FieldCheck<string> {
  const query = input.trim();
  if (query === '') return { ok: false, message: `The ${what} query must not be empty` };
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, message: `The ${what} query must be at most ${MAX_QUERY_LENGTH} characters` };
  if (!new RegExp(PLACEHOLDER.source).test(query)) {
    return {
      ok: false,
      message: `The ${what} query must use ${WINDOW_PLACEHOLDER_TEXT} where the range goes, e.g. rate(http_requests_total[${WINDOW_PLACEHOLDER_TEXT}])`,
    };
  }
  const withoutPlaceholder = query.replace(PLACEHOLDER, '5m');
  if (withoutPlaceholder.includes('{{'))
    return { ok: false, message: `The ${what} query uses a template other than ${WINDOW_PLACEHOLDER_TEXT}, which nothing fills in` };
  const bracket = unbalancedBracket(withoutPlaceholder);
  if (bracket) return { ok: false, message: `The ${what} query has unbalanced brackets: ${bracket.message}` };
  return { ok: true, value: query };
}

/** Checks every query of a set, naming the first one that is wrong. */
export function checkSliQueries(queries: SliQueries): FieldCheck<SliQueries> {
  const parts: [string, string][] =
    queries.form === 'good-total'
      ? [
          ['good', queries.good],
          ['total', queries.total],
        ]
      : queries.form === 'bad-total'
        ? [
            ['bad', queries.bad],
            ['total', queries.total],
          ]
        : [['error ratio', queries.errorRatio]];
  const checked: Record<string, string> = {};
  for (const [what, text] of parts) {
    const check = checkPromQuery(text, what);
    if (!check.ok) return check;
    checked[what] = check.value;
  }
  if (queries.form === 'good-total') return { ok: true, value: { form: 'good-total', good: checked.good!, total: checked.total! } };
  if (queries.form === 'bad-total') return { ok: true, value: { form: 'bad-total', bad: checked.bad!, total: checked.total! } };
  return { ok: true, value: { form: 'error-ratio', errorRatio: checked['error ratio']! } };
}

/** A Prometheus metric name: letters, digits, underscores and colons, not starting with a digit. */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Checks a histogram: a metric name without the _bucket suffix and an `le` bucket bound such as 0.2 or +Inf. */
export function checkHistogram(histogram: LatencyHistogram): FieldCheck<LatencyHistogram> {
  const metric = histogram.metric.trim().replace(/_bucket$/, '');
  if (!METRIC_NAME.test(metric)) {
    return {
      ok: false,
      message: `The histogram metric must be a Prometheus metric name such as http_request_duration_seconds, not "${histogram.metric.trim()}"`,
    };
  }
  const le = histogram.le.trim();
  if (le !== '+Inf' && !(/^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(le) && Number(le) > 0)) {
    return { ok: false, message: `The le bucket must be a bucket bound above 0 such as 0.2 (in the histogram's unit), not "${le}"` };
  }
  return { ok: true, value: { metric, le } };
}

/** Checks a freshness SLI's maximum data age in milliseconds. */
export function checkFreshnessMaxAgeMs(input: string | number): FieldCheck<number> {
  const text = String(input)
    .trim()
    .replace(/\s*ms$/i, '');
  const ms = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(ms > 0)) return { ok: false, message: `The maximum data age must be a number of milliseconds above 0, not "${String(input).trim()}"` };
  if (ms > MAX_FRESHNESS_AGE_MS) return { ok: false, message: `The maximum data age must be at most ${MAX_FRESHNESS_AGE_MS} ms (30 days)` };
  return { ok: true, value: ms };
}

/** Checks a wording of good and total events: both given, short, on one line. */
export function checkWording(wording: SliWording): FieldCheck<SliWording> {
  const good = wording.good.trim();
  const total = wording.total.trim();
  for (const [what, text] of [
    ['good events', good],
    ['total events', total],
  ] as const) {
    if (text === '') return { ok: false, message: `The wording of ${what} must not be empty (e.g. "responses rated helpful")` };
    if (text.length > MAX_WORDING_LENGTH) return { ok: false, message: `The wording of ${what} must be at most ${MAX_WORDING_LENGTH} characters` };
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text)) return { ok: false, message: `The wording of ${what} must be one line without control characters` };
  }
  return { ok: true, value: { good, total } };
}

/** Fills every {{.window}} of a query with a range such as 5m or 60s. */
export function fillWindow(query: string, range: string): string {
  return query.replace(PLACEHOLDER, range);
}
