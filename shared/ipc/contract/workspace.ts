import { z } from 'zod';
import { EVERY_HOST, filePath, none, returns, type ChannelSpec, type Host } from './fields';

/** What the host can do with files: native dialogs (Electron), a folder the server may use (browser mode), or raw paths (CLI). */
export type FileAccess = 'dialog' | 'folder' | 'path';

/** Facts about the host the UI is talking to. */
export type HostInfo = { host: Host; version: string; fileAccess: FileAccess };

/** The open workspace as the UI shows it. */
export type WorkspaceInfo = {
  name: string;
  location: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  schemaVersion: number;
};

/** Everything the title bar and the Edit menu need: the open workspace and what undo/redo would do. */
export type WorkspaceState = {
  workspace: WorkspaceInfo | null;
  undoLabel: string | null;
  redoLabel: string | null;
};

/** A recently used workspace; opened by id so clients never send paths back. */
export type RecentEntry = { id: string; name: string; location: string; exists: boolean };

/** The workspaces and subfolders a browser-mode server may use, relative to its folder. */
export type FolderListing = {
  /** The served folder's own name (its last path segment), never its real path. */
  folder: string;
  subfolder: string;
  /** Workspaces, subfolders and files that look like history to import (csv, tsv, json, log, txt). */
  entries: { name: string; kind: 'workspace' | 'folder' | 'data'; modifiedMs: number }[];
};

const byPath = z.object({ path: filePath }).strict();

/**
 * Creating, opening, saving as and closing a workspace, and the recent list. Electron's page opens and creates
 * workspaces through its dialogs (answered by the main process, which then calls the path channels itself); the
 * browser page names a workspace inside the served folder; the CLI gives a path.
 */
export const workspaceChannels = {
  'app/info': { args: none, result: returns<HostInfo>(), hosts: EVERY_HOST },
  'workspace/state': { args: none, result: returns<WorkspaceState>(), hosts: EVERY_HOST },
  'workspace/create': { args: byPath, result: returns<WorkspaceState>(), hosts: ['browser', 'cli'], file: 'path' },
  'workspace/open': { args: byPath, result: returns<WorkspaceState>(), hosts: ['browser', 'cli'], file: 'path' },
  'workspace/save-as': { args: byPath, result: returns<WorkspaceState>(), hosts: ['browser', 'cli'], file: 'path' },
  'workspace/close': { args: none, result: returns<WorkspaceState>(), hosts: EVERY_HOST },
  'workspace/recent': { args: none, result: returns<RecentEntry[]>(), hosts: EVERY_HOST },
  'workspace/open-recent': { args: z.object({ id: z.string().min(1).max(64) }).strict(), result: returns<WorkspaceState>(), hosts: EVERY_HOST },
  'workspace/list-folder': {
    args: z.object({ subfolder: z.string().max(1024).default('') }).strict(),
    result: returns<FolderListing>(),
    hosts: ['browser'],
    file: 'subfolder',
  },
  'workspace/create-dialog': { args: none, result: returns<WorkspaceState>(), hosts: ['electron'] },
  'workspace/open-dialog': { args: none, result: returns<WorkspaceState>(), hosts: ['electron'] },
  'workspace/save-as-dialog': { args: none, result: returns<WorkspaceState>(), hosts: ['electron'] },
} as const satisfies Record<string, ChannelSpec>;
