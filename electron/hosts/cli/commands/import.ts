import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseDuration } from '#shared/budget/alerts';
import { TEXT_ENCODINGS, type TextEncodingName } from '#shared/importers/csv/decode';
import type { CsvMapping } from '#shared/importers/csv/parse';
import type { CsvTimeFormat } from '#shared/importers/csv/time';
import { checkBucketMs, MINUTE_MS } from '#shared/importers/minute-buckets';
import type { DurationField } from '#shared/importers/access-log';
import { LATENCY_UNIT_LABELS } from '#shared/importers/latency';
import { IMPORTERS } from '#shared/importers/registry';
import type { ImportIssue, LatencyUnit } from '#shared/importers/types';
import type { Service, Sli } from '#shared/domain/types';
import type { ImportSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { utcText } from '#shared/domain/utc-text';
import { envelope } from '../json-build';
import type { JsonImportReport } from '../json-output';
import { findService, findSli } from '../lookup';
import { runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';
import { chooseCsvOptions, withDetected, type CsvFlags } from './import-detect';
import { registerImportHistoryCommands } from './import-history';
import { liveQueryFor, PROMETHEUS_LABELS, prometheusArgs, type PrometheusOptions } from './import-prometheus';

type ImportOptions = CommonOptions &
  Partial<PrometheusOptions> & {
    workspace: string;
    service: string;
    sli: string;
    format: string;
    map?: string;
    threshold?: string;
    goodWhen: string;
    timeFormat?: string;
    timezone?: string;
    onBadRows: string;
    step: string;
    bucket?: string;
    encoding?: string;
    valueUnit?: string;
  };

/** The units --value-unit takes, and the access-log duration field each one reads. */
const VALUE_UNITS: Readonly<Record<string, LatencyUnit>> = { ms: 'ms', s: 's', us: 'us', µs: 'us' };
const DURATION_FIELDS: Readonly<Record<LatencyUnit, DurationField>> = { ms: 'milliseconds', s: 'seconds', us: 'microseconds' };

/** Reads `--value-unit ms|s|us` (µs too). */
export function parseValueUnit(text: string): LatencyUnit {
  const unit = VALUE_UNITS[text.trim().toLowerCase()];
  return unit ?? refuse('INVALID_ARGUMENT', `--value-unit is ms, s or us (µs), not "${text}"`, 'valueUnit', '--value-unit');
}

/** The formats --format names, from the importer registry. */
const FORMAT_IDS: readonly string[] = IMPORTERS.map((importer) => importer.id);

const ROLES = ['time', 'good', 'total', 'bad', 'ratio', 'value'] as const;

/**
 * Reads `--map good=COL,total=COL,time=COL` (or bad=, ratio=, value=) into a CSV column mapping. A value column takes
 * --value-unit (latencies, kept so each tier is judged at its own threshold) or --threshold (one threshold for all).
 */
export function parseMapping(text: string, threshold: string | undefined, goodWhen: string, valueUnit?: string): CsvMapping {
  const cols: Partial<Record<(typeof ROLES)[number], string>> = {};
  for (const part of text.split(',')) {
    const [role, col] = part.split('=').map((s) => s.trim());
    if (!role || !col || !(ROLES as readonly string[]).includes(role)) {
      refuse(
        'INVALID_ARGUMENT',
        `--map takes role=column pairs with roles ${ROLES.join(', ')}, e.g. good=ok,total=all,time=ts; "${part}" is not one`,
        'map',
        '--map',
      );
    }
    cols[role as (typeof ROLES)[number]] = col;
  }
  const time = cols.time ?? refuse('INVALID_ARGUMENT', '--map must name the time column, e.g. time=timestamp', 'map', '--map');
  if (cols.value !== undefined && valueUnit !== undefined) {
    if (threshold !== undefined) {
      refuse(
        'INVALID_ARGUMENT',
        "Give --value-unit (latency values, judged at each tier's threshold) or --threshold (one threshold for every tier), not both",
        'threshold',
        '--threshold',
      );
    }
    return { kind: 'latency', time, value: cols.value, unit: parseValueUnit(valueUnit) };
  }
  if (cols.value !== undefined) {
    const t = Number(threshold);
    if (threshold === undefined || !/^-?\d+(\.\d+)?$/.test(threshold) || !Number.isFinite(t)) {
      refuse(
        'INVALID_ARGUMENT',
        "A value column needs --value-unit (ms, s or us: latencies, judged at each tier's threshold) or --threshold (a number such as 200)",
        'threshold',
        '--threshold',
      );
    }
    if (goodWhen !== 'below' && goodWhen !== 'above') refuse('INVALID_ARGUMENT', '--good-when is below or above', 'goodWhen', '--good-when');
    return { kind: 'value-threshold', time, value: cols.value, threshold: t, direction: goodWhen };
  }
  if (cols.good !== undefined && cols.total !== undefined) return { kind: 'good-total', time, good: cols.good, total: cols.total };
  if (cols.bad !== undefined && cols.total !== undefined) return { kind: 'bad-total', time, bad: cols.bad, total: cols.total };
  if (cols.ratio !== undefined)
    return cols.total === undefined ? { kind: 'ratio', time, ratio: cols.ratio } : { kind: 'ratio', time, ratio: cols.ratio, total: cols.total };
  return refuse('INVALID_ARGUMENT', '--map needs good and total, bad and total, a ratio, or a value (with --value-unit or --threshold)', 'map', '--map');
}

/**
 * `--value-unit` without --map: the unit of the duration ending each access-log line and of JSON samples' values
 * (with --format auto both are sent; the format found uses its own).
 */
function latencyOptions(text: string, format: string): { accessLog?: { durationField: DurationField }; jsonSamples?: { valueUnit: LatencyUnit } } {
  if (format !== 'auto' && format !== 'access-log' && format !== 'json-samples') {
    refuse(
      'INVALID_ARGUMENT',
      "--value-unit applies to a CSV value column (with --map value=COL), access-log durations or JSON samples' values",
      'valueUnit',
      '--value-unit',
    );
  }
  const unit = parseValueUnit(text);
  return {
    ...(format === 'json-samples' ? {} : { accessLog: { durationField: DURATION_FIELDS[unit] } }),
    ...(format === 'access-log' ? {} : { jsonSamples: { valueUnit: unit } }),
  };
}

/** Reads `--bucket 5m` (an access log's bucket length) into milliseconds; refused unless it divides a day. */
export function parseBucket(text: string, format: string): number {
  if (format !== 'auto' && format !== 'access-log')
    refuse('INVALID_ARGUMENT', '--bucket applies to access logs only (--format access-log or auto)', 'accessLog.bucketMs', '--bucket');
  const minutes = parseDuration(text);
  const bucketMs = minutes.ok ? minutes.value * MINUTE_MS : Number.NaN;
  const problem = checkBucketMs(bucketMs);
  if (problem !== null) refuse('INVALID_ARGUMENT', `${problem}, not "${text.trim()}"`, 'accessLog.bucketMs', '--bucket');
  return bucketMs;
}

/** Reads `--encoding` into a text encoding the decoder knows. */
function parseEncoding(text: string): TextEncodingName {
  const name = text.trim().toLowerCase();
  if (!(TEXT_ENCODINGS as readonly string[]).includes(name))
    refuse('INVALID_ARGUMENT', `--encoding is one of ${TEXT_ENCODINGS.join(', ')}, not "${text}"`, 'encoding', '--encoding');
  return name as TextEncodingName;
}

// Importers name the line in their messages already; add it only where a message does not.
function located(i: ImportIssue): string {
  if (i.line === undefined || /\blines? \d/i.test(i.message)) return i.message;
  return `line ${i.line}${i.column === undefined ? '' : `, column ${i.column}`}: ${i.message}`;
}

const minute = (ms: number | null) => utcText(ms, 'minute');

/** What a latency series kept, for the import's summary line. */
function latencyNote(s: ImportSummary['series'][number]): string {
  if (!s.latency) return '';
  const kept =
    s.latency.kind === 'values'
      ? `latency values kept (written in ${LATENCY_UNIT_LABELS[s.latency.unit]})`
      : `requests counted at ${s.latency.bounds} latency bounds (durations in ${LATENCY_UNIT_LABELS[s.latency.unit]})`;
  return `; ${kept}, each tier judged at its own threshold`;
}

/** One stored series as people read it: samples, span, step and what latency it kept. */
export function seriesText(s: ImportSummary['series'][number]): string {
  return `${s.name}: ${s.points} samples, ${minute(s.startMs)} → ${minute(s.endMs)}${s.stepMs ? `, every ${s.stepMs / 1000} s` : ''}${latencyNote(s)}`;
}

/** What an import did, for people and for --json; a refused import is an error that names its first bad rows. */
export function reportImport(summary: ImportSummary, service: Service, sli: Sli): { json: JsonImportReport; text: string[] } {
  const errors = summary.issues.filter((i) => i.severity === 'error');
  if (summary.status === 'refused') {
    const shown = errors.slice(0, 5).map(located).join('; ');
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    const hint =
      summary.rejected > 0
        ? '; fix those rows, or use --on-bad-rows skip to keep the others'
        : errors.some((i) => i.code === 'ENCODING')
          ? `; give its encoding with --encoding (${TEXT_ENCODINGS.slice(0, -1).join(', ')} or ${TEXT_ENCODINGS.at(-1)})`
          : '';
    // A message that says so already (the store's refusals do) gets no second "Nothing was stored".
    const stored = /nothing was stored\W*$/i.test(shown) ? '' : '. Nothing was stored';
    throw new AppFailure('INVALID_ARGUMENT', `${summary.fileName} was not imported: ${shown}${more}${stored}${hint}`, { issues: summary.issues });
  }
  const lines =
    summary.status === 'duplicate'
      ? [`${summary.fileName} was imported before (import #${summary.importId}); nothing changed`]
      : [
          `Imported ${summary.fileName} (${summary.format}) into ${service.name} / ${sli.name}: ${summary.accepted} rows kept, ${summary.rejected} rejected` +
            (summary.merged > 0 ? `, ${summary.merged} merged (a repeated time keeps its last row)` : ''),
          ...summary.series.map((s) => `  ${seriesText(s)}`),
          ...summary.issues.slice(0, 20).map((i) => `  ${i.severity}: ${located(i)}`),
        ];
  return { json: { ...envelope('import'), service: service.name, sli: sli.name, import: summary }, text: lines };
}

/** Registers `import FILE` and `import --prometheus URL`, which read history into an SLI from a file or a live server. */
export function registerImportCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('import')
    // `import list --workspace W` gives the options after the subcommand; the program's positional options would hand
    // them to `list`, which has none of its own, so this command reads its options wherever they stand.
    .enablePositionalOptions(false)
    .description(`import history for an SLI from a file (${IMPORTERS.map((importer) => importer.names.title).join(', ')}) or a live Prometheus`)
    .argument('[file]', 'the file to read (or use --prometheus)')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--format <format>', `${FORMAT_IDS.join(', ')} or auto`, 'auto')
    .option(
      '--map <pairs>',
      'CSV columns: good=COL,total=COL,time=COL (or bad=, ratio=, value= with --value-unit or --threshold); default: detected from the header, as the wizard does',
    )
    .option(
      '--value-unit <unit>',
      "latency values: ms, s or us (µs); with value=COL each row's value, for an access log the duration ending each line, for JSON samples each sample's value; each tier is judged at its own threshold",
    )
    .option('--threshold <n>', 'with value=COL, not for latency SLIs: the one value a good sample must meet')
    .option('--good-when <side>', 'with value=COL: below (value ≤ threshold is good) or above', 'below')
    .option('--time-format <format>', 'CSV times: iso, epoch-s or epoch-ms (default: epoch-s or epoch-ms when the time column holds 10 or 13 digits, else iso)')
    .option('--timezone <zone>', 'IANA zone of CSV times written without an offset')
    .option('--encoding <name>', `text encoding of the file: ${TEXT_ENCODINGS.join(', ')} (default: UTF-8, or as its byte-order mark says)`)
    .option('--bucket <duration>', 'access logs: count requests per bucket of this length, e.g. 1m, 5m, 1h (default: 1m)')
    .option('--prometheus <url>', 'read from a live Prometheus server (its query_range API) instead of a file')
    .option(
      '--good <promql>',
      'with --prometheus (default: the SLI\'s own queries, with {{.window}} as the step): good events per step, e.g. sum(increase(http_requests_total{code!~"5.."}[1m]))',
    )
    .option('--total <promql>', 'with --prometheus: total events per step, e.g. sum(increase(http_requests_total[1m]))')
    .option('--error-ratio <promql>', 'with --prometheus, instead of --good and --total: the error ratio per step')
    .option('--start <time>', 'with --prometheus: first step, ISO 8601 with Z or an offset, or Unix seconds')
    .option('--end <time>', 'with --prometheus: last step, the same way')
    .option('--step <duration>', 'with --prometheus: time between steps, e.g. 15s, 1m, 5m, 1h', '60s')
    .option('--on-bad-rows <policy>', 'abort (store nothing) or skip (store the good rows)', 'abort')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[string | undefined], ImportOptions>(ctx, (file, options) => {
        if (options.onBadRows !== 'skip' && options.onBadRows !== 'abort')
          refuse('INVALID_ARGUMENT', '--on-bad-rows is abort or skip', 'onBadRows', '--on-bad-rows');
        const onBadRows = options.onBadRows as 'abort' | 'skip';
        if (options.prometheus !== undefined) {
          if (file !== undefined) refuse('INVALID_ARGUMENT', `Give a file or --prometheus, not both ("${file}" was given too)`, 'path', '--prometheus');
          const live = prometheusArgs(options as ImportOptions & PrometheusOptions);
          return withWorkspace(ctx, options.workspace, async (core) => {
            const service = await findService(core, options.service);
            const sli = findSli(service, options.sli);
            const query = liveQueryFor(live, sli);
            return reportImport(await core.call('import/prometheus', { ...live, query, sliId: sli.id, onBadRows }, PROMETHEUS_LABELS), service, sli);
          });
        }
        if (file === undefined) refuse('INVALID_ARGUMENT', 'Name the file to import, or read from a live server with --prometheus URL', 'path', '<file>');
        const format = options.format;
        if (format !== 'auto' && !FORMAT_IDS.includes(format)) {
          refuse('INVALID_ARGUMENT', `--format is one of ${FORMAT_IDS.join(', ')} or auto, not "${format}"`, 'format', '--format');
        }
        if (options.timeFormat !== undefined && !['iso', 'epoch-s', 'epoch-ms'].includes(options.timeFormat))
          refuse('INVALID_ARGUMENT', '--time-format is iso, epoch-s or epoch-ms', 'timeFormat', '--time-format');
        const bucketMs = options.bucket === undefined ? undefined : parseBucket(options.bucket, format);
        const encoding = options.encoding === undefined ? undefined : parseEncoding(options.encoding);
        const csvFlags: CsvFlags = {
          ...(options.map === undefined ? {} : { mapping: parseMapping(options.map, options.threshold, options.goodWhen, options.valueUnit) }),
          ...(options.timeFormat === undefined ? {} : { timeFormat: options.timeFormat as CsvTimeFormat }),
          ...(options.timezone === undefined ? {} : { timeZone: options.timezone }),
        };
        const latency = options.map === undefined && options.valueUnit !== undefined ? latencyOptions(options.valueUnit, format) : {};
        const durationField = latency.accessLog?.durationField;
        const accessLog =
          bucketMs === undefined && durationField === undefined
            ? undefined
            : { ...(bucketMs === undefined ? {} : { bucketMs }), ...(durationField === undefined ? {} : { durationField }) };
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          // A latency unit without --map belongs to an access log or JSON samples: a CSV is then not guessed at.
          const choice =
            options.map === undefined && options.valueUnit !== undefined
              ? null
              : await chooseCsvOptions(core, { path: file, name: basename(file), format, ...(encoding === undefined ? {} : { encoding }) }, csvFlags);
          const csv = choice?.csv;
          const summary: ImportSummary = await core.call(
            'import/file',
            {
              sliId: sli.id,
              path: file,
              format: format as 'auto',
              onBadRows,
              ...(csv ? { csv } : {}),
              ...(encoding === undefined ? {} : { encoding }),
              ...(accessLog === undefined ? {} : { accessLog }),
              ...(latency.jsonSamples === undefined ? {} : { jsonSamples: latency.jsonSamples }),
            },
            {
              path: '<file>',
              encoding: '--encoding',
              'accessLog.bucketMs': '--bucket',
              'csv.mapping': '--value-unit',
              'accessLog.durationField': '--value-unit',
              'jsonSamples.valueUnit': '--value-unit',
              csv: '--map',
            },
          );
          return withDetected(reportImport(summary, service, sli), choice);
        });
      }),
    );
  registerImportHistoryCommands(command, ctx, seriesText);
}
