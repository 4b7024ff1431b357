// The options `sli add` and `sli update` share for what an SLI is measured by: a freshness SLI's maximum data age,
// a custom wording, the Prometheus queries (good and total, bad and total, or an error ratio) and a latency
// histogram. Each is checked with the tier editor's checks before the workspace is opened.
import type { Command } from 'commander';
import { checkFreshnessMaxAgeMs, checkHistogram, checkSliQueries, checkWording } from '#shared/domain/queries';
import type { LatencyHistogram, Sli, SliQueries, SliWording } from '#shared/domain/types';
import { checked } from '../output';
import { refuse, type OptionLabels } from '../session';

/** The detail options as commander hands them over. */
export type SliDetailOptions = {
  maxAge?: string;
  goodWording?: string;
  totalWording?: string;
  goodQuery?: string;
  totalQuery?: string;
  badQuery?: string;
  errorRatioQuery?: string;
  histogram?: string;
  le?: string;
};

/** The option each core field came from, so the core's refusals name what was typed. */
export const SLI_DETAIL_LABELS: OptionLabels = {
  freshnessMaxAgeMs: '--max-age',
  wording: '--good-wording',
  queries: '--good-query',
  histogram: '--histogram',
  latencyThresholdMs: '--threshold-ms',
};

/** Adds the detail options to a command. */
export function withDetailOptions(command: Command): Command {
  return command
    .option('--max-age <duration>', 'freshness SLIs: the age under which data is fresh, e.g. 10m, 1h, 90s or 600000ms')
    .option('--good-wording <text>', 'what a good event is called, e.g. "responses rated helpful" (required for custom SLIs, with --total-wording)')
    .option('--total-wording <text>', 'what all events are called, e.g. "rated responses"')
    .option('--good-query <promql>', 'Prometheus query of good events, with {{.window}} where the range goes (with --total-query)')
    .option('--bad-query <promql>', 'Prometheus query of bad events, instead of --good-query (with --total-query)')
    .option('--total-query <promql>', 'Prometheus query of all events, e.g. sum(rate(http_requests_total[{{.window}}]))')
    .option('--error-ratio-query <promql>', 'instead of event queries: one query of the error ratio')
    .option('--histogram <metric>', 'latency SLIs: the Prometheus histogram, e.g. http_request_duration_seconds (with --le)')
    .option('--le <bound>', "latency SLIs: the histogram bucket of the threshold, in the histogram's unit, e.g. 0.2");
}

const AGE_UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A maximum age such as 10m, 1h, 90s or 600000ms (plain numbers are milliseconds), checked. */
export function parseMaxAge(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/i.exec(text);
  if (!m) refuse('INVALID_ARGUMENT', `--max-age is a duration such as 10m, 1h, 90s or 600000ms, not "${text}"`, 'freshnessMaxAgeMs', '--max-age');
  return checked(checkFreshnessMaxAgeMs(Number(m[1]) * AGE_UNIT_MS[(m[2] ?? 'ms').toLowerCase()]!), 'freshnessMaxAgeMs', '--max-age');
}

function wordingOf(o: SliDetailOptions): SliWording | undefined {
  if (o.goodWording === undefined && o.totalWording === undefined) return undefined;
  if (o.goodWording === undefined || o.totalWording === undefined) {
    refuse(
      'INVALID_ARGUMENT',
      'Give --good-wording and --total-wording together',
      'wording',
      o.goodWording === undefined ? '--good-wording' : '--total-wording',
    );
  }
  return checked(checkWording({ good: o.goodWording, total: o.totalWording }), 'wording', '--good-wording');
}

function queriesOf(o: SliDetailOptions): SliQueries | undefined {
  const given = [o.goodQuery, o.badQuery, o.totalQuery, o.errorRatioQuery].some((q) => q !== undefined);
  if (!given) return undefined;
  let queries: SliQueries;
  if (o.errorRatioQuery !== undefined) {
    if (o.goodQuery !== undefined || o.badQuery !== undefined || o.totalQuery !== undefined) {
      refuse(
        'INVALID_ARGUMENT',
        'Give --error-ratio-query alone, or event queries (--good-query or --bad-query with --total-query), not both',
        'queries',
        '--error-ratio-query',
      );
    }
    queries = { form: 'error-ratio', errorRatio: o.errorRatioQuery };
  } else {
    if (o.goodQuery !== undefined && o.badQuery !== undefined)
      refuse('INVALID_ARGUMENT', 'Give --good-query or --bad-query, not both', 'queries', '--bad-query');
    if (o.totalQuery === undefined) refuse('INVALID_ARGUMENT', '--total-query is needed with --good-query or --bad-query', 'queries', '--total-query');
    if (o.goodQuery === undefined && o.badQuery === undefined) {
      refuse('INVALID_ARGUMENT', '--total-query needs --good-query or --bad-query beside it', 'queries', '--good-query');
    }
    queries =
      o.goodQuery !== undefined ? { form: 'good-total', good: o.goodQuery, total: o.totalQuery } : { form: 'bad-total', bad: o.badQuery!, total: o.totalQuery };
  }
  const option = queries.form === 'error-ratio' ? '--error-ratio-query' : queries.form === 'good-total' ? '--good-query' : '--bad-query';
  return checked(checkSliQueries(queries), 'queries', option);
}

function histogramOf(o: SliDetailOptions): LatencyHistogram | undefined {
  if (o.histogram === undefined && o.le === undefined) return undefined;
  if (o.histogram === undefined || o.le === undefined) {
    refuse('INVALID_ARGUMENT', 'Give --histogram and --le together', 'histogram', o.histogram === undefined ? '--histogram' : '--le');
  }
  return checked(checkHistogram({ metric: o.histogram, le: o.le }), 'histogram', o.histogram.trim() === '' ? '--histogram' : '--le');
}

/** The details given on the command line; fields not given are absent (sli add leaves them unset, sli update unchanged). */
export function detailsOf(o: SliDetailOptions): Partial<Pick<Sli, 'freshnessMaxAgeMs' | 'wording' | 'queries' | 'histogram'>> {
  const out: Partial<Pick<Sli, 'freshnessMaxAgeMs' | 'wording' | 'queries' | 'histogram'>> = {};
  if (o.maxAge !== undefined) out.freshnessMaxAgeMs = parseMaxAge(o.maxAge);
  const wording = wordingOf(o);
  if (wording) out.wording = wording;
  const queries = queriesOf(o);
  if (queries) out.queries = queries;
  const histogram = histogramOf(o);
  if (histogram) out.histogram = histogram;
  return out;
}
