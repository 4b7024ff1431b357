import { EVERY_HOST, none, returns, type ChannelSpec } from './fields';
import type { WorkspaceState } from './workspace';

/** Undo and redo of the workspace's last edits. */
export const editChannels = {
  'edit/undo': { args: none, result: returns<WorkspaceState>(), hosts: EVERY_HOST },
  'edit/redo': { args: none, result: returns<WorkspaceState>(), hosts: EVERY_HOST },
} as const satisfies Record<string, ChannelSpec>;
