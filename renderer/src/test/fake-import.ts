// History files and imports behind a FakeCore, for the import wizard: the served folder's listing, each file's preview
// (detected with the shared CSV detector), and imports parsed with the shared CSV parser under the mapping the wizard
// sends, with progress events, cancel, refused bad rows and duplicates as the core reports them.
import { detectCsv } from '#shared/importers/csv/detect';
import { parseCsv } from '#shared/importers/csv/parse';
import { detectFormat } from '#shared/importers/dispatch';
import type { Args, ImportPreview, ImportSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { deferred, type Deferred, type FakeCore } from './fake-core';

/** What the core would have guessed from a CSV's first rows: the mapping and time format (the core's own guesses). */
export type CsvGuess = { mapping: NonNullable<ImportPreview['csv']>['mapping']; timeFormat: 'iso' | 'epoch-s' | 'epoch-ms'; needsTimeZone: boolean };

type FakeFile = { text: string; guess: CsvGuess | null; modifiedMs: number };

/** A job the test holds open: it ends when `release` is resolved, or when the wizard cancels it. */
type Held = { gate: Deferred<void>; jobId: string | null };

/** The served folder's history files and the imports made from them. */
export class FakeImports {
  private readonly files = new Map<string, FakeFile>();
  private readonly imported = new Map<string, { importId: number; finishedAt: number; accepted: number }>();
  private held: Held | null = null;
  private cancelled: string | null = null;

  constructor(private readonly core: FakeCore) {
    core
      .answer('workspace/list-folder', (a) => ({
        folder: 'history',
        subfolder: a.subfolder,
        entries: [...this.files].map(([name, f]) => ({ name, kind: 'data' as const, modifiedMs: f.modifiedMs })),
      }))
      .answer('import/preview', (a) => this.preview(a.path))
      .answer('import/file', (a) => this.importFile(a))
      .answer('import/cancel', (a) => {
        const running = this.held?.jobId === a.jobId;
        if (running) {
          this.cancelled = a.jobId;
          this.held!.gate.resolve();
        }
        return { cancelled: running };
      })
      .answer('import/list', (a) =>
        [...this.imported]
          .filter(([key]) => key.startsWith(`${a.sliId}|`))
          .map(([key, r]) => ({
            id: r.importId,
            fileName: key.slice(key.indexOf('|') + 1),
            format: 'csv' as const,
            acceptedRows: r.accepted,
            rejectedRows: 0,
            mergedRows: 0,
            finishedAt: r.finishedAt,
            series: [],
          })),
      );
  }

  /** Puts a CSV in the folder, with what the core's preview would guess from it. */
  addCsv(name: string, text: string, guess: CsvGuess): this {
    this.files.set(name, { text, guess, modifiedMs: Date.UTC(2026, 10, 30, 9, 15) });
    return this;
  }

  /** Puts a file of another format in the folder (its format detected from its text). */
  addFile(name: string, text: string): this {
    this.files.set(name, { text, guess: null, modifiedMs: Date.UTC(2026, 10, 30, 9, 15) });
    return this;
  }

  /** Keeps the next import running until the returned function is called (or the wizard cancels it). */
  hold(): () => void {
    this.held = { gate: deferred<void>(), jobId: null };
    const held = this.held;
    return () => held.gate.resolve();
  }

  private file(path: string): FakeFile {
    const file = this.files.get(path);
    if (!file) throw new AppFailure('FILE_NOT_FOUND', `${path} does not exist or is not a file`, { path });
    return file;
  }

  private preview(path: string): ImportPreview {
    const { text, guess } = this.file(path);
    const lines = text.split('\n', 12);
    const format = detectFormat(text);
    const base = { fileName: path, bytes: new TextEncoder().encode(text).length, format, lines, issues: [] };
    if (format !== 'csv' || !guess) return { ...base, csv: null };
    const d = detectCsv(text, 20);
    return {
      ...base,
      csv: { delimiter: d.delimiter, hasHeader: d.hasHeader, headers: d.headers, rows: d.preview, roles: d.roles, ...guess },
      issues: d.issues,
    };
  }

  private async importFile(a: Args<'import/file'>): Promise<ImportSummary> {
    const { text } = this.file(a.path);
    const jobId = a.jobId ?? 'unnamed';
    const total = text.length;
    this.core.emit('import-progress', { jobId, phase: 'reading', done: 0, total });
    if (this.held) {
      this.held.jobId = jobId;
      this.core.emit('import-progress', { jobId, phase: 'parsing', done: Math.floor(total / 2), total });
      await this.held.gate.promise;
      this.held = null;
    }
    if (this.cancelled === jobId) {
      this.cancelled = null;
      throw new AppFailure('CANCELLED', `The import of ${a.path} was cancelled; nothing was stored`);
    }
    if (!a.csv) throw new AppFailure('INVALID_ARGUMENT', `${a.path} needs a column mapping`, { field: 'csv' });
    const parsed = parseCsv(text, a.csv.mapping, { timeFormat: a.csv.timeFormat, ...(a.csv.timeZone ? { timeZone: a.csv.timeZone } : {}) });
    const key = `${a.sliId}|${a.path}`;
    const series = parsed.series.map((s) => ({
      name: s.name,
      points: s.t.length,
      stepMs: s.stepMs,
      startMs: s.t[0] ?? null,
      endMs: s.t[s.t.length - 1] ?? null,
    }));
    const summary = {
      fileName: a.path,
      format: 'csv' as const,
      accepted: parsed.accepted,
      rejected: parsed.rejected,
      merged: parsed.merged,
      series,
      issues: parsed.issues,
    };
    const earlier = this.imported.get(key);
    if (earlier) return { ...summary, status: 'duplicate', importId: earlier.importId };
    if (parsed.rejected > 0 && a.onBadRows === 'abort') return { ...summary, status: 'refused', importId: null };
    const importId = this.imported.size + 1;
    this.imported.set(key, { importId, finishedAt: Date.UTC(2026, 11, 1, 8, 30), accepted: parsed.accepted });
    this.core.emit('import-progress', { jobId, phase: 'done', done: total, total });
    return { ...summary, status: 'stored', importId };
  }
}
