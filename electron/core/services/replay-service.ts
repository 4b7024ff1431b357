import type { Args } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { ReplayReport } from '#shared/simulation/replay-report';
import type { WorkspaceSession } from './workspace-session';

/** Replays a window of an SLI's history with injected events beside the history as it was. */
export function replayHistory(_session: WorkspaceSession, _args: Args<'simulation/replay'>): ReplayReport {
  throw new AppFailure('INTERNAL', 'Replays are not available yet');
}
