import type { DurationField } from '#shared/importers/access-log';
import { mappingColumns } from '#shared/importers/csv/columns';
import type { TextEncodingName } from '#shared/importers/csv/decode';
import type { ColumnRole } from '#shared/importers/csv/detect';
import { parseStrictNumber } from '#shared/importers/csv/numbers';
import type { CsvTimeFormat } from '#shared/importers/csv/time';
import type { LatencyUnit } from '#shared/importers/types';
import type { SliKind } from '#shared/domain/types';
import type { ArgsIn, ImportPreview } from '#shared/ipc/contract';
import { checkThresholdMs } from '#shared/domain/validation';
import { checkTimeZone } from '#shared/domain/window';

/** The CSV part of a preview. */
export type CsvPreview = NonNullable<ImportPreview['csv']>;
/** A column mapping as the import/file channel takes it. */
export type CsvMapping = NonNullable<CsvPreview['mapping']>;
/** What a column holds, or that it is left out. */
export type RoleChoice = ColumnRole | 'ignore';
/** What to do with rows that fail to read. */
export type BadRows = 'abort' | 'skip';

/** The roles offered above each column, in the order people think of them. */
export const ROLE_CHOICES: readonly RoleChoice[] = ['ignore', 'time', 'good', 'total', 'bad', 'ratio', 'value'];

/** The time formats offered; never guessed silently, so the guess is shown as the selected option. */
export const TIME_FORMATS: readonly { value: CsvTimeFormat; label: string }[] = [
  { value: 'iso', label: 'ISO 8601 (2025-03-01T12:00:00Z)' },
  { value: 'epoch-s', label: 'Unix epoch seconds' },
  { value: 'epoch-ms', label: 'Unix epoch milliseconds' },
];

/** The units of an access log's duration field, '' when the log has none. */
export const DURATION_FIELDS: readonly { value: DurationField | ''; label: string }[] = [
  { value: '', label: 'No duration field (availability only)' },
  { value: 'microseconds', label: 'Microseconds (Apache %D)' },
  { value: 'milliseconds', label: 'Milliseconds' },
  { value: 'seconds', label: 'Seconds (nginx $request_time)' },
];

/** The units a latency SLI's value column can be written in. */
export const VALUE_UNITS: readonly { value: LatencyUnit; label: string }[] = [
  { value: 'ms', label: 'Milliseconds (ms)' },
  { value: 's', label: 'Seconds (s)' },
  { value: 'us', label: 'Microseconds (µs)' },
];

const UNIT_WORDS: Record<LatencyUnit, string> = { ms: 'milliseconds', s: 'seconds', us: 'microseconds' };

/** The text encodings a file can be read in; '' reads it as UTF-8, or as its byte-order mark says. */
export const ENCODING_CHOICES: readonly { value: TextEncodingName | ''; label: string }[] = [
  { value: '', label: 'Automatic (UTF-8, or UTF-16 with a byte-order mark)' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European)' },
  { value: 'utf-16le', label: 'UTF-16 little-endian' },
  { value: 'utf-16be', label: 'UTF-16 big-endian' },
];

/** The bucket lengths an access log's requests can be counted in (each divides a day, as the importer requires). */
export const BUCKET_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 1, label: 'Per minute' },
  { minutes: 5, label: 'Per 5 minutes' },
  { minutes: 15, label: 'Per 15 minutes' },
  { minutes: 60, label: 'Per hour' },
];

/** The two bad-row policies with what each means for the workspace. */
export const BAD_ROW_CHOICES: readonly { value: BadRows; label: string; hint: string }[] = [
  {
    value: 'abort',
    label: 'Abort: store nothing',
    hint: 'If any row cannot be read, nothing is stored and you see every problem with its line, to fix the file or the mapping.',
  },
  {
    value: 'skip',
    label: 'Skip bad rows',
    hint: 'Rows that cannot be read are left out and counted; the rest is stored. Gaps this leaves count as missing data.',
  },
];

/** Everything the user sets on the preview step of a file import. */
export type FileDraft = {
  roles: RoleChoice[];
  timeFormat: CsvTimeFormat;
  timeZone: string;
  threshold: string;
  direction: 'below' | 'above';
  /** A latency SLI's value column: the unit its values are written in ('' until chosen). */
  valueUnit: LatencyUnit | '';
  latencyMs: string;
  durationField: DurationField | '';
  /** An access log's bucket length in minutes. */
  bucketMinutes: number;
  prometheusRatio: boolean;
  onBadRows: BadRows;
};

/** Field messages of the preview step, keyed by the control they belong to. */
export type FileDraftErrors = Partial<Record<'mapping' | 'timeZone' | 'latency', string>>;

const MEASURES = ['good', 'total', 'bad', 'ratio', 'value'] as const;

function refIndex(ref: string | number, headers: readonly string[]): number {
  return typeof ref === 'number' ? ref : headers.indexOf(ref);
}

function isColumnRole(role: string | null): role is ColumnRole {
  return role !== null && role !== 'ignore' && (ROLE_CHOICES as readonly string[]).includes(role);
}

/** The roles the columns start with: the suggested mapping's, else the first guess of each role, else ignore. */
export function initialRoles(csv: CsvPreview): RoleChoice[] {
  const roles: RoleChoice[] = csv.headers.map(() => 'ignore');
  if (csv.mapping) {
    for (const [role, ref] of mappingColumns(csv.mapping)) {
      const at = refIndex(ref, csv.headers);
      if (at >= 0 && at < roles.length) roles[at] = role;
    }
    return roles;
  }
  const seen = new Set<ColumnRole>();
  csv.roles.forEach((role, at) => {
    if (isColumnRole(role) && !seen.has(role) && at < roles.length) {
      seen.add(role);
      roles[at] = role;
    }
  });
  return roles;
}

/** How a column is named in messages: its header in quotes, or "column 3" when the file has none. */
export function columnLabels(csv: Pick<CsvPreview, 'headers' | 'hasHeader'>): string[] {
  return csv.headers.map((h, at) => (csv.hasHeader ? `“${h}”` : `column ${at + 1}`));
}

function list(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The mapping the chosen roles describe, or a sentence saying what is missing or contradictory. Column references are
 * indexes, which work with and without a header row. For a latency SLI (valueUnit given) a value column is latencies
 * in that unit, kept so each tier is judged at its own threshold; otherwise it is compared with the one threshold.
 */
export function mappingFromRoles(
  roles: readonly RoleChoice[],
  labels: readonly string[],
  threshold: string,
  direction: 'below' | 'above',
  valueUnit?: LatencyUnit | '',
): { ok: true; mapping: CsvMapping } | { ok: false; message: string } {
  const at = (role: ColumnRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const named = (idx: number[]) => list(idx.map((i) => labels[i] ?? `column ${i + 1}`));
  const fail = (message: string) => ({ ok: false as const, message });
  const time = at('time');
  if (time.length === 0) return fail('Mark the column that holds the time: no column is “time” yet.');
  if (time.length > 1) return fail(`Only one column can be the time: ${named(time)} are all marked “time”.`);
  for (const role of MEASURES) {
    if (at(role).length > 1) return fail(`Only one column can be “${role}”: ${named(at(role))} are all marked “${role}”.`);
  }
  const col = (role: ColumnRole) => at(role)[0];
  const [t, good, total, bad, ratio, value] = [time[0]!, col('good'), col('total'), col('bad'), col('ratio'), col('value')];
  if (value !== undefined) {
    const others = [good, total, bad, ratio].filter((i): i is number => i !== undefined);
    if (others.length > 0) return fail(`A “value” column is compared with a threshold on its own: set ${named(others)} to “ignore”.`);
    if (valueUnit !== undefined) {
      if (valueUnit === '')
        return fail(
          'Choose the unit the values are written in (milliseconds, seconds or microseconds): each tier is judged at its own threshold, so no threshold is needed here.',
        );
      return { ok: true, mapping: { kind: 'latency', time: t, value, unit: valueUnit } };
    }
    const limit = parseStrictNumber(threshold);
    if (limit === null) return fail('Give the threshold the value is compared with, as a number such as 250.');
    return { ok: true, mapping: { kind: 'value-threshold', time: t, value, threshold: limit, direction } };
  }
  if (ratio !== undefined) {
    const counts = [good, bad].filter((i): i is number => i !== undefined);
    if (counts.length > 0) return fail(`A “ratio” column already says what share was good: set ${named(counts)} to “ignore”, or the ratio column.`);
    return { ok: true, mapping: total === undefined ? { kind: 'ratio', time: t, ratio } : { kind: 'ratio', time: t, ratio, total } };
  }
  if (good !== undefined && bad !== undefined) return fail(`Choose “good” or “bad”, not both: ${named([good, bad])} are both marked.`);
  if ((good !== undefined || bad !== undefined) && total === undefined) {
    return fail(`A “${good !== undefined ? 'good' : 'bad'}” column needs a “total” column beside it: mark the column counting all events “total”.`);
  }
  if (good !== undefined) return { ok: true, mapping: { kind: 'good-total', time: t, good, total: total! } };
  if (bad !== undefined) return { ok: true, mapping: { kind: 'bad-total', time: t, bad, total: total! } };
  if (total !== undefined) return fail('A “total” column needs a “good” or a “bad” column beside it (or mark a “ratio” column instead).');
  return fail('Mark what the other columns hold: good and total, bad and total, a ratio, or a value with a threshold.');
}

/** One sentence saying how the mapping turns rows into good and total events. */
export function describeMapping(m: CsvMapping, labels: readonly string[]): string {
  const n = (ref: string | number) => (typeof ref === 'number' ? (labels[ref] ?? `column ${ref + 1}`) : `“${ref}”`);
  switch (m.kind) {
    case 'good-total':
      return `Good events from ${n(m.good)}, all events from ${n(m.total)}, timed by ${n(m.time)}.`;
    case 'bad-total':
      return `Bad events from ${n(m.bad)}, all events from ${n(m.total)}, timed by ${n(m.time)}.`;
    case 'ratio':
      return `The share of good events from ${n(m.ratio)}${m.total === undefined ? '' : `, weighted by ${n(m.total)}`}, timed by ${n(m.time)}.`;
    case 'value-threshold':
      return `A sample is good when ${n(m.value)} is at or ${m.direction} ${m.threshold}, timed by ${n(m.time)}.`;
    case 'latency':
      return `Each row is one latency from ${n(m.value)}, in ${UNIT_WORDS[m.unit]}, timed by ${n(m.time)}; each tier is judged at its own threshold.`;
  }
}

/** The draft a preview starts the user with. */
export function initialDraft(preview: ImportPreview): FileDraft {
  return {
    roles: preview.csv ? initialRoles(preview.csv) : [],
    timeFormat: preview.csv?.timeFormat ?? 'iso',
    timeZone: '',
    threshold: '',
    direction: 'below',
    valueUnit: '',
    latencyMs: '',
    durationField: '',
    bucketMinutes: 1,
    prometheusRatio: false,
    onBadRows: 'abort',
  };
}

/** True when the chosen time format needs a zone: ISO text whose samples carry no offset. */
export function needsTimeZone(preview: ImportPreview, draft: FileDraft): boolean {
  return Boolean(preview.csv?.needsTimeZone) && draft.timeFormat === 'iso';
}

function accessLogOptions(
  draft: FileDraft,
  latencySli: boolean,
): { ok: true; value: { durationField?: DurationField; latencyThresholdMs?: number } } | { ok: false; message: string } {
  if (latencySli) {
    // The core counts each minute's requests at every threshold the SLI's tiers use; none is asked for here.
    if (draft.durationField === '')
      return { ok: false, message: 'Choose the unit of the duration at the end of each line: a latency SLI judges each tier at its own threshold from them.' };
    return { ok: true, value: { durationField: draft.durationField } };
  }
  const text = draft.latencyMs.trim();
  if (text === '' && draft.durationField === '') return { ok: true, value: {} };
  if (text === '') return { ok: false, message: 'Give a latency threshold in milliseconds to measure latency, or choose “No duration field”.' };
  if (draft.durationField === '') return { ok: false, message: 'Choose the unit of the duration at the end of each line, or clear the latency threshold.' };
  const ms = checkThresholdMs(text);
  return ms.ok ? { ok: true, value: { durationField: draft.durationField, latencyThresholdMs: ms.value } } : ms;
}

/**
 * The import/file arguments of a previewed file and the user's choices, or the messages to show beside the controls.
 * The SLI's kind decides what a latency needs: for a latency SLI its unit, for any other one threshold.
 */
export function fileImportArgs(
  preview: ImportPreview,
  draft: FileDraft,
  job: { sliId: number; path: string; jobId: string; sliKind?: SliKind },
): { ok: true; args: ArgsIn<'import/file'> } | { ok: false; errors: FileDraftErrors } {
  const latencySli = job.sliKind === 'latency';
  // The file is imported in the encoding its preview was read in.
  const base = {
    sliId: job.sliId,
    path: job.path,
    format: preview.format,
    onBadRows: draft.onBadRows,
    jobId: job.jobId,
    ...(preview.encoding ? { encoding: preview.encoding } : {}),
  };

  if (preview.format === 'prometheus-json') return { ok: true, args: { ...base, prometheusRatio: draft.prometheusRatio } };
  if (preview.format === 'access-log') {
    const options = accessLogOptions(draft, latencySli);
    const bucketMs = draft.bucketMinutes * 60_000;
    return options.ok ? { ok: true, args: { ...base, accessLog: { ...options.value, bucketMs } } } : { ok: false, errors: { latency: options.message } };
  }
  // JSON samples hold good and total counts, or for a latency SLI one latency each when their unit is chosen.
  if (preview.format === 'json-samples' && latencySli && draft.valueUnit !== '')
    return { ok: true, args: { ...base, jsonSamples: { valueUnit: draft.valueUnit } } };
  if (preview.format !== 'csv') return { ok: true, args: base };
  if (!preview.csv) {
    // The preview could not decode the file (not UTF-8, binary): there are no columns to map.
    return { ok: false, errors: { mapping: preview.issues[0]?.message ?? 'The file could not be read as text, so it has no columns to map.' } };
  }
  const errors: FileDraftErrors = {};
  const mapping = mappingFromRoles(draft.roles, columnLabels(preview.csv), draft.threshold, draft.direction, latencySli ? draft.valueUnit : undefined);
  if (!mapping.ok) errors.mapping = mapping.message;
  let timeZone: string | undefined;
  if (needsTimeZone(preview, draft)) {
    if (draft.timeZone.trim() === '')
      errors.timeZone =
        'Choose the time zone the timestamps were written in: they carry no offset, so the same clock time means a different instant in each zone.';
    else {
      const zone = checkTimeZone(draft.timeZone);
      if (zone.ok) timeZone = zone.value;
      else errors.timeZone = zone.message;
    }
  }
  if (!mapping.ok || errors.timeZone) return { ok: false, errors };
  const csv = { mapping: mapping.mapping, timeFormat: draft.timeFormat, ...(timeZone ? { timeZone } : {}) };
  return { ok: true, args: { ...base, csv } };
}

/** A job id for one import: a random UUID without its dashes, as the contract's id grammar allows. */
export function newJobId(randomUuid: () => string = () => globalThis.crypto.randomUUID()): string {
  return randomUuid().replace(/-/g, '');
}

/** The user's own IANA time zone, falling back to UTC where the runtime does not say. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zones the time-zone input suggests, UTC first (some runtimes leave it out of their list). */
export function timeZoneChoices(zones: readonly string[] = Intl.supportedValuesOf('timeZone')): string[] {
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
