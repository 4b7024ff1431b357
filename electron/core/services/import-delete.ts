import { AppFailure } from '../../../shared/ipc/errors';
import type { ImportRecord } from '../storage/repos/series-repo';
import type { WorkspaceSession } from './workspace-session';

/**
 * Deletes an import with its series as one undoable edit: the import's rows and everything that depends on them
 * are kept with the edit and put back, ids included, by undo, so the history reads back identical.
 */
export function deleteImport(session: WorkspaceSession, importId: number): ImportRecord {
  const record = session.series().getImport(importId);
  if (!record) throw new AppFailure('NOT_FOUND', `There is no import with id ${importId}`, { field: 'importId' });
  session.editWorkspace(`Remove import ${record.fileName}`,
    (repos) => repos.rows.capture('imports', importId),
    (repos, rows) => {
      repos.series.deleteImport(importId);
      if (rows) repos.rows.restore(rows);
      // Series read back for analysis are cached by id; undo and redo change which ids exist.
      session.seriesCache.clear();
    },
    (repos) => repos.series.deleteImport(importId));
  session.seriesCache.clear();
  return record;
}
