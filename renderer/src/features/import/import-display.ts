import { DateTime } from 'luxon';
import { formatTitles } from '#shared/importers/registry';
import type { ImportIssue } from '#shared/importers/types';
import type { ImportSummary } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';
import type { EventMap } from '#shared/ipc/events';

/** The most issues the result lists; the core sends at most this many and a count of the rest. */
export const MAX_ISSUES_SHOWN = 200;

/** Human names of the formats the preview detects. */
export const FORMAT_NAMES: Record<ImportSummary['format'], string> = { ...formatTitles(), 'prometheus-api': 'Live Prometheus' };

/** A byte count as people read it: 950 B, 12 kB, 3.4 MB (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

type Progress = EventMap['import-progress'];

/** What the progress bar shows: its text, and value of max (value null when the bar is indeterminate). */
export type ProgressView = { text: string; value: number | null; max: number };

const PHASES: Record<Progress['phase'], { label: string; unit: 'bytes' | 'rows' | 'queries' }> = {
  reading: { label: 'Reading the file', unit: 'bytes' },
  parsing: { label: 'Parsing', unit: 'bytes' },
  querying: { label: 'Querying Prometheus', unit: 'queries' },
  storing: { label: 'Storing', unit: 'rows' },
  done: { label: 'Finishing', unit: 'rows' },
};

function amount(n: number, unit: 'bytes' | 'rows' | 'queries'): string {
  if (unit === 'bytes') return formatBytes(n);
  return `${n.toLocaleString('en-US')} ${unit === 'rows' ? (n === 1 ? 'row' : 'rows') : n === 1 ? 'query' : 'queries'}`;
}

/**
 * The progress bar of an import. Phases that report only their start (done 0 of a known total) show their size on an
 * indeterminate bar, so a long parse never looks stuck at 0 %.
 */
export function progressView(p: Progress | null): ProgressView {
  if (!p) return { text: 'Starting…', value: null, max: 1 };
  const { label, unit } = PHASES[p.phase];
  if (p.phase === 'done') return { text: `${label}…`, value: 1, max: 1 };
  if (p.total <= 0) return { text: `${label}…`, value: null, max: 1 };
  if (p.done <= 0 && unit !== 'queries') return { text: `${label} ${amount(p.total, unit)}…`, value: null, max: p.total };
  const done = Math.min(p.done, p.total);
  const of = unit === 'bytes' ? `${formatBytes(done)} of ${formatBytes(p.total)}` : `${done.toLocaleString('en-US')} of ${amount(p.total, unit)}`;
  return { text: `${label}… ${of}`, value: done, max: p.total };
}

const ERROR_TITLES: Partial<Record<AppError['code'], string>> = {
  CANCELLED: 'Import cancelled',
  FILE_NOT_FOUND: 'File not found',
  NOT_FOUND: 'Not found',
  INVALID_ARGUMENT: 'Not accepted',
  FORBIDDEN: 'Not allowed',
  UNSAFE_PATH: 'File not allowed',
  READ_ONLY: 'Workspace is read-only',
  NO_WORKSPACE: 'No workspace open',
  BUSY: 'Workspace busy',
  IO_ERROR: 'Could not read or connect',
  CONFLICT: 'Already running',
  STORAGE_FULL: 'Disk full',
};

/** The headline naming what went wrong, and the core's sentence explaining it. */
export function errorView(error: AppError): { title: string; message: string } {
  const title = error.details?.code === 'TOO_LARGE' ? 'File too large' : (ERROR_TITLES[error.code] ?? 'Import failed');
  return { title, message: error.message };
}

/** A time as the result shows it, in the user's zone: 2025-03-01 14:05. */
export function formatDateTime(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}

/** A sample spacing in the largest whole unit: 15 s, 1 min, 5 min, 1 h, 1 d. */
export function formatStep(stepMs: number | null): string {
  if (stepMs === null || !(stepMs > 0)) return '—';
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, name] of units) if (stepMs % size === 0) return `${stepMs / size} ${name}`;
  return `${stepMs} ms`;
}

/** One row of the result's series table. */
export type SeriesRow = { name: string; points: string; step: string; range: string };

/** The stored series as table rows, with their date ranges in the user's zone. */
export function seriesRows(summary: ImportSummary, timeZone: string): SeriesRow[] {
  return summary.series.map((s) => ({
    name: s.name,
    points: s.points.toLocaleString('en-US'),
    step: formatStep(s.stepMs),
    range: s.startMs === null || s.endMs === null ? '—' : `${formatDateTime(s.startMs, timeZone)} – ${formatDateTime(s.endMs, timeZone)}`,
  }));
}

/** The issues the result lists (the first MAX_ISSUES_SHOWN) and how many more there are. */
export function shownIssues(issues: readonly ImportIssue[]): { rows: ImportIssue[]; more: number } {
  return { rows: issues.slice(0, MAX_ISSUES_SHOWN), more: Math.max(0, issues.length - MAX_ISSUES_SHOWN) };
}

/** The sentence of a duplicate import: when the same bytes were imported before, if the listing knows. */
export function duplicateText(fileName: string, finishedAtMs: number | null, timeZone: string): string {
  const when = finishedAtMs === null ? 'before' : `on ${formatDateTime(finishedAtMs, timeZone)}`;
  return `${fileName} was already imported into this SLI ${when}: the same bytes are never stored twice. Nothing was changed.`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The sentence of a stored import, counting every row of the file: kept, merged as repeated times, skipped as bad. */
export function storedText(s: Pick<ImportSummary, 'accepted' | 'rejected' | 'merged' | 'fileName' | 'format'>): string {
  const merged =
    s.merged > 0 ? `; ${plural(s.merged, 'row')} repeated an earlier time and ${s.merged === 1 ? 'was' : 'were'} merged (the last of each kept)` : '';
  const skipped = s.rejected > 0 ? `; ${plural(s.rejected, 'bad row')} skipped` : '';
  return `Stored ${plural(s.accepted, 'row')} from ${s.fileName} (${FORMAT_NAMES[s.format]})${merged}${skipped}.`;
}
