import type Database from 'better-sqlite3';
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { History } from '#shared/analysis/history';
import type { WorkspaceState } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { createWorkspaceDb, openWorkspaceDb, writeTransaction, type OpenedDb } from '../storage/db';
import { AlertSetRepo } from '../storage/repos/alert-set-repo';
import { CatalogRepo } from '../storage/repos/catalog-repo';
import { ExclusionRepo } from '../storage/repos/exclusion-repo';
import { ReviewRepo } from '../storage/repos/review-repo';
import { RowTreeRepo } from '../storage/repos/row-tree';
import { ScenarioRepo } from '../storage/repos/scenario-repo';
import { SeriesRepo } from '../storage/repos/series-repo';
import { fsyncDir, tempPathFor } from './atomic-file';

/** The repositories of an open workspace, as edits see them. */
export type Repos = {
  catalog: CatalogRepo;
  alertSets: AlertSetRepo;
  series: SeriesRepo;
  exclusions: ExclusionRepo;
  rows: RowTreeRepo;
  scenarios: ScenarioRepo;
  review: ReviewRepo;
};

/** One undoable edit: how to put the workspace back as it was before, or after, the edit. */
type Edit = { label: string; apply(repos: Repos, side: 'before' | 'after'): void };

/** How many edits can be undone. */
export const UNDO_LIMIT = 200;

type Open = { path: string; opened: OpenedDb; repo: CatalogRepo; repos: Repos };

/** Copies the live database to a file with SQLite's own VACUUM INTO, then renames it into place atomically. */
export function backupTo(db: Database.Database, target: string): void {
  const tmp = tempPathFor(target);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    renameSync(tmp, target);
    fsyncDir(dirname(target));
  } catch (error) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw error;
  }
}

/**
 * The workspace a window (or a server, or a CLI call) has open, with its undo and redo stacks.
 * Edits restore whole services, so undo is exact for every kind of edit and never depends on the UI.
 */
export class WorkspaceSession {
  private current: Open | null = null;
  private undoStack: Edit[] = [];
  private redoStack: Edit[] = [];
  private readonly now: () => number;
  private readonly locationOf: (path: string) => string;
  /** Series read back for analysis, by id; stored series never change, and the cache is cleared when imports are deleted. */
  readonly seriesCache = new Map<number, History>();

  /** `locationOf` says where a workspace is for the client (browser mode: relative to its folder); by default its path. */
  constructor(now: () => number = Date.now, locationOf: (path: string) => string = (path) => path) {
    this.now = now;
    this.locationOf = locationOf;
  }

  /** The path of the open workspace, if any. */
  get path(): string | null {
    return this.current?.path ?? null;
  }

  /** Title bar and Edit menu state. */
  state(): WorkspaceState {
    const c = this.current;
    return {
      workspace: c
        ? {
            name: basename(c.path),
            location: this.locationOf(c.path),
            readOnly: c.opened.readOnly,
            readOnlyReason: c.opened.readOnlyReason,
            schemaVersion: c.opened.schemaVersion,
          }
        : null,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  private attach(path: string, opened: OpenedDb): void {
    this.close();
    const repo = new CatalogRepo(opened.db);
    this.current = {
      path,
      opened,
      repo,
      repos: {
        catalog: repo,
        alertSets: new AlertSetRepo(opened.db),
        series: new SeriesRepo(opened.db),
        exclusions: new ExclusionRepo(opened.db),
        rows: new RowTreeRepo(opened.db),
        scenarios: new ScenarioRepo(opened.db),
        review: new ReviewRepo(opened.db),
      },
    };
    this.seriesCache.clear();
  }

  /** Creates a new workspace file and makes it the open one. */
  create(path: string): void {
    this.attach(path, createWorkspaceDb(path));
  }

  /** Opens an existing workspace; a backup is written before any migration runs. */
  open(path: string): void {
    const opened = openWorkspaceDb(path, {
      backup: (db, fromVersion) => backupTo(db, `${path}.schema-${fromVersion}.${this.now()}.bak`),
    });
    this.attach(path, opened);
  }

  /** Writes a consistent copy of the open workspace to a new file and continues in the copy. */
  saveAs(path: string): void {
    const c = this.requireOpen();
    if (existsSync(path)) throw new AppFailure('FILE_EXISTS', `${basename(path)} already exists; choose another name`, { path });
    backupTo(c.opened.db, path);
    const undo = this.undoStack;
    const redo = this.redoStack;
    this.open(path);
    this.undoStack = undo;
    this.redoStack = redo;
  }

  /** Closes the open workspace, checkpointing its WAL into the file. */
  close(): void {
    if (!this.current) return;
    const { db, readOnly } = this.current.opened;
    if (!readOnly) {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Closing still checkpoints; a failure here must not keep the file open.
      }
    }
    db.close();
    this.current = null;
    this.seriesCache.clear();
    this.undoStack = [];
    this.redoStack = [];
  }

  private requireOpen(): Open {
    if (!this.current) throw new AppFailure('NO_WORKSPACE', 'No workspace is open: create or open one first');
    return this.current;
  }

  /** The repository of the open workspace, for reads. */
  reader(): CatalogRepo {
    return this.requireOpen().repo;
  }

  /** The alert-set repository of the open workspace, for reads. */
  alertSets(): AlertSetRepo {
    return this.requireOpen().repos.alertSets;
  }

  private requireWritable(): Open {
    const c = this.requireOpen();
    if (c.opened.readOnly) throw new AppFailure('READ_ONLY', c.opened.readOnlyReason ?? 'This workspace is open read-only');
    return c;
  }

  /**
   * Runs one edit of one service as a single transaction and records it for undo.
   * `serviceId` is null when the edit creates the service; `fn` returns the id it touched. The snapshot undo restores
   * covers the service's SLIs' scenarios, so `fn` may change them through `repos`.
   */
  edit<T>(label: string, serviceId: number | null, fn: (repo: CatalogRepo, now: number, repos: Repos) => { serviceId: number; value: T }): T {
    const c = this.requireWritable();
    const { out, before, after } = writeTransaction(c.opened.db, () => {
      const before = serviceId === null ? null : (c.repo.snapshot(serviceId) ?? null);
      const out = fn(c.repo, this.now(), c.repos);
      const after = c.repo.snapshot(out.serviceId) ?? null;
      return { out, before, after };
    });
    this.record({ label, apply: (repos, side) => repos.catalog.restore(out.serviceId, side === 'before' ? before : after) });
    return out.value;
  }

  /**
   * Runs one edit of workspace-wide data (not of one service) as a single transaction, recording it for undo by
   * capturing that data before and after with `capture` and putting it back with `restore`.
   */
  editWorkspace<T, S>(label: string, capture: (repos: Repos) => S, restore: (repos: Repos, state: S) => void, fn: (repos: Repos) => T): T {
    const c = this.requireWritable();
    const { value, before, after } = writeTransaction(c.opened.db, () => {
      const before = capture(c.repos);
      const value = fn(c.repos);
      return { value, before, after: capture(c.repos) };
    });
    this.record({ label, apply: (repos, side) => restore(repos, side === 'before' ? before : after) });
    return value;
  }

  /** The exclusion repository of the open workspace, for reads. */
  exclusions(): ExclusionRepo {
    return this.requireOpen().repos.exclusions;
  }

  /** The scenario repository of the open workspace, for reads. */
  scenarios(): ScenarioRepo {
    return this.requireOpen().repos.scenarios;
  }

  /** The review repository of the open workspace (versions, sign-offs, comments, roles, review periods), for reads. */
  review(): ReviewRepo {
    return this.requireOpen().repos.review;
  }

  /** The series repository of the open workspace, for reads. */
  series(): SeriesRepo {
    return this.requireOpen().repos.series;
  }

  /**
   * Runs a write that is not an edit of the plan (an import of history) as one transaction: all of it lands or
   * none of it does. It does not enter the undo history.
   */
  write<T>(fn: (repos: Repos) => T): T {
    const c = this.requireWritable();
    return writeTransaction(c.opened.db, () => fn(c.repos));
  }

  /**
   * Runs several edits (each still its own step of undo) as one transaction, so a bulk change such as a spec import
   * commits once instead of once per edit; when `fn` throws, every edit in it is rolled back and leaves undo as it was.
   */
  batch<T>(fn: () => T): T {
    const c = this.requireWritable();
    const undo = this.undoStack.slice();
    const redo = this.redoStack.slice();
    try {
      return writeTransaction(c.opened.db, fn);
    } catch (error) {
      this.undoStack = undo;
      this.redoStack = redo;
      throw error;
    }
  }

  private record(edit: Edit): void {
    this.undoStack.push(edit);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Undoes the last edit; returns its label. */
  undo(): string {
    return this.replay(this.undoStack, this.redoStack, 'before', 'Nothing to undo');
  }

  /** Redoes the last undone edit; returns its label. */
  redo(): string {
    return this.replay(this.redoStack, this.undoStack, 'after', 'Nothing to redo');
  }

  private replay(from: Edit[], to: Edit[], side: 'before' | 'after', emptyMessage: string): string {
    const c = this.requireWritable();
    const edit = from.at(-1);
    if (!edit) throw new AppFailure('NOTHING_TO_UNDO', emptyMessage);
    try {
      writeTransaction(c.opened.db, () => edit.apply(c.repos, side));
    } catch (error) {
      // Someone else changed the file (another window or the CLI): the history no longer applies.
      this.undoStack = [];
      this.redoStack = [];
      throw new AppFailure(
        'UNDO_FAILED',
        `Could not ${side === 'before' ? 'undo' : 'redo'} "${edit.label}": the workspace was changed elsewhere (${(error as Error).message}). The edit history was cleared.`,
      );
    }
    from.pop();
    to.push(edit);
    return edit.label;
  }
}
