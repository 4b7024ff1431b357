// A fresh workspace with one SLI to import into, shared by the import benchmark and its child process.
import { WorkspaceSession } from '../electron/core/services/workspace-session';
import { thresholdOnly } from '../electron/core/storage/repos/catalog-repo';

/** Creates a workspace file at `path` with one service and one availability SLI, and keeps it open. */
export function workspaceWithSli(path: string): { session: WorkspaceSession; sliId: number } {
  const session = new WorkspaceSession();
  session.create(path);
  const sliId = session.edit('bench', null, (repo, now) => {
    const serviceId = repo.insertService('bench', '', '', now);
    return { serviceId, value: repo.insertSli(serviceId, 'availability', 'availability', thresholdOnly(null)) };
  });
  return { session, sliId };
}
