// `import --prometheus URL`: the command-line words of a live Prometheus import turned into the core's arguments.
import type { Sli } from '#shared/domain/types';
import { liveImportQueries } from '#shared/importers/sli-queries';
import { parseZonedIso } from '#shared/importers/upptime';
import type { ArgsIn } from '#shared/ipc/contract';
import { refuse, type OptionLabels } from '../session';

/** The options of a live import as commander hands them over. */
export type PrometheusOptions = {
  prometheus: string;
  good?: string;
  total?: string;
  errorRatio?: string;
  start?: string;
  end?: string;
  step: string;
};

/** The option each core field came from, so refusals name what the user typed. */
export const PROMETHEUS_LABELS: OptionLabels = {
  url: '--prometheus',
  'query.good': '--good',
  'query.total': '--total',
  'query.errorRatio': '--error-ratio',
  startMs: '--start',
  endMs: '--end',
  stepSeconds: '--step',
};

const EPOCH_SECONDS = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/** A time given as RFC 3339 with Z or an offset, or as Unix seconds (up to millisecond decimals), in UTC ms; else null. */
export function parseCliTime(text: string): number | null {
  const epoch = EPOCH_SECONDS.exec(text.trim());
  if (epoch) return Number(epoch[1]) * 1000 + Number((epoch[2] ?? '').padEnd(3, '0'));
  return parseZonedIso(text.trim());
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A step such as 15s, 1m, 5m, 1h (or plain seconds) in whole seconds; else null. */
export function parseStep(text: string): number | null {
  const m = /^(\d{1,6})(s|m|h|d)?$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_SECONDS[m[2] ?? 's']! : null;
}

function time(text: string | undefined, field: string, option: string): number {
  if (text === undefined)
    return refuse('INVALID_ARGUMENT', `${option} is required with --prometheus: an ISO 8601 time with Z or an offset, or Unix seconds`, field, option);
  const ms = parseCliTime(text);
  if (ms === null)
    refuse('INVALID_ARGUMENT', `${option} is an ISO 8601 time with Z or an offset (2024-03-01T00:00:00Z) or Unix seconds, not "${text}"`, field, option);
  return ms;
}

/** The live import's arguments before the SLI is known: `query` is null when the SLI's own queries are to be used. */
export type PrometheusArgs = Omit<ArgsIn<'import/prometheus'>, 'sliId' | 'onBadRows' | 'query'> & { query: ArgsIn<'import/prometheus'>['query'] | null };

/**
 * The query of a live import: the one typed, or else the SLI's own queries with {{.window}} filled by the step
 * (liveImportQueries); an SLI without queries needs them typed.
 */
export function liveQueryFor(args: PrometheusArgs, sli: Sli): ArgsIn<'import/prometheus'>['query'] {
  if (args.query) return args.query;
  if (!sli.queries) {
    return refuse(
      'INVALID_ARGUMENT',
      `--prometheus needs --good and --total queries (good and total events), or one --error-ratio query; SLI "${sli.name}" has no queries of its own to use (set them with sli update --good-query/--bad-query/--total-query)`,
      'query',
      '--good',
    );
  }
  const live = liveImportQueries(sli.queries, args.stepSeconds);
  if (!live.ok) return refuse('INVALID_ARGUMENT', live.message, 'query', '--good');
  return live.value;
}

/** Checks the command line of a live import and builds the core's arguments (without the SLI, found later). */
export function prometheusArgs(options: PrometheusOptions): PrometheusArgs {
  const { good, total, errorRatio } = options;
  if (errorRatio !== undefined && (good !== undefined || total !== undefined)) {
    refuse('INVALID_ARGUMENT', 'Give --good and --total, or --error-ratio, not both', 'query', '--error-ratio');
  }
  const typed = good !== undefined || total !== undefined || errorRatio !== undefined;
  if (typed && errorRatio === undefined && (good === undefined || total === undefined)) {
    refuse(
      'INVALID_ARGUMENT',
      '--prometheus needs --good and --total queries (good and total events), or one --error-ratio query',
      'query',
      good === undefined ? '--good' : '--total',
    );
  }
  const stepSeconds = parseStep(options.step);
  if (stepSeconds === null) refuse('INVALID_ARGUMENT', `--step is a duration such as 15s, 1m, 5m or 1h, not "${options.step}"`, 'stepSeconds', '--step');
  return {
    url: options.prometheus,
    query: !typed ? null : errorRatio !== undefined ? { kind: 'error-ratio', errorRatio } : { kind: 'good-total', good: good!, total: total! },
    startMs: time(options.start, 'startMs', '--start'),
    endMs: time(options.end, 'endMs', '--end'),
    stepSeconds,
  };
}
