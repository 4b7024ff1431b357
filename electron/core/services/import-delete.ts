import { AppFailure } from '#shared/ipc/errors';
import type { ImportRecord } from '../storage/repos/series-repo';
import type { WorkspaceSession } from './workspace-session';

/** True when the stored import with this id is still the one deleted (SQLite may give a freed id to a later import). */
function isSameImport(stored: ImportRecord | undefined, deleted: ImportRecord): boolean {
  return stored !== undefined && stored.sliId === deleted.sliId && stored.sha256 === deleted.sha256 && stored.startedAt === deleted.startedAt;
}

/**
 * Deletes an import with its series as one undoable edit: the import's rows and everything that depends on them
 * are kept with the edit and put back, ids included, by undo, so the history reads back identical. Undo only
 * inserts (a later import holding the id makes it fail, changing nothing) and redo deletes only that same import.
 */
export function deleteImport(session: WorkspaceSession, importId: number): ImportRecord {
  const record = session.series().getImport(importId);
  if (!record) throw new AppFailure('NOT_FOUND', `There is no import with id ${importId}`, { field: 'importId' });
  session.editWorkspace(
    `Remove import ${record.fileName}`,
    (repos) => repos.rows.capture('imports', importId),
    (repos, rows) => {
      if (rows) {
        repos.rows.restore(rows);
      } else {
        if (!isSameImport(repos.series.getImport(importId), record)) throw new Error(`import #${importId} is no longer ${record.fileName}`);
        repos.series.deleteImport(importId);
      }
      // Series read back for analysis are cached by id; undo and redo change which ids exist.
      session.seriesCache.clear();
    },
    (repos) => repos.series.deleteImport(importId),
  );
  session.seriesCache.clear();
  return record;
}
