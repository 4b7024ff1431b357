import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { DIALOG_CHANNELS, ExportWritten, WorkspaceState } from '#shared/ipc/contract';
import { historyExtensions } from '#shared/importers/registry';
import { fail, type Result } from '#shared/ipc/errors';
import type { Core } from '../core/registry';
import { runExportDialog } from './export-dialog';
import { rememberPickedFile } from './picked-files';
import { WORKSPACE_EXTENSION } from '../core/storage/db';

/** A channel answered with a native dialog in the main process. */
export type DialogChannel = (typeof DIALOG_CHANNELS)[number];

/** The file-type filter of every workspace dialog. */
export const WORKSPACE_FILTERS: FileFilter[] = [{ name: 'SLO Workbench workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }];

/** Adds the workspace extension when the name chosen lacks it (Linux dialogs do not add it themselves). */
export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION ? path : `${path}${WORKSPACE_EXTENSION}`;
}

function cancelled(): Result<never> {
  return fail('CANCELLED', 'Cancelled');
}

function existing(path: string): Result<never> {
  const name = basename(path);
  return fail('FILE_EXISTS', `${name} already exists. SLO Workbench never replaces a workspace file: choose a new name, or open ${name} with File → Open.`, {
    path,
  });
}

async function askSavePath(parent: BrowserWindow | null, title: string, defaultPath: string): Promise<string | null> {
  const options = { title, defaultPath, filters: WORKSPACE_FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return answer.canceled || !answer.filePath ? null : withWorkspaceExtension(answer.filePath);
}

async function askOpenPath(parent: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open workspace', filters: WORKSPACE_FILTERS, properties: ['openFile' as const] };
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return answer.canceled ? null : (answer.filePaths[0] ?? null);
}

/** The file-type filter of the import dialog: the formats history is imported from. */
export const HISTORY_FILTERS: FileFilter[] = [
  // Every importer's extensions, and gzip, which any of them may be compressed with.
  { name: 'History (CSV, TSV, JSON, logs, gzip)', extensions: [...historyExtensions(), 'gz'] },
  { name: 'All files', extensions: ['*'] },
];

async function pickHistoryFile(parent: BrowserWindow | null): Promise<Result<{ ref: string; fileName: string } | null>> {
  const options = { title: 'Import history', filters: HISTORY_FILTERS, properties: ['openFile' as const] };
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = answer.canceled ? null : (answer.filePaths[0] ?? null);
  return { ok: true, value: path === null ? null : { ref: rememberPickedFile(path), fileName: basename(path) } };
}

/**
 * Runs New…, Open… or Save As… with the native dialog, then the core command with the chosen path (and Export with
 * a folder dialog, its arguments in `args`). Cancelling gives CANCELLED; an existing file is never replaced (the OS
 * may already have asked) but reported as FILE_EXISTS. Resolves to a result, never throws for expected outcomes.
 */
export async function runDialogCommand(
  channel: DialogChannel,
  core: Core,
  parent: BrowserWindow | null,
  args?: unknown,
): Promise<Result<WorkspaceState | { ref: string; fileName: string } | ExportWritten | null>> {
  if (channel === 'import/pick-dialog') return pickHistoryFile(parent);
  if (channel === 'export/write-dialog') return runExportDialog(core, parent, args);
  if (channel === 'workspace/open-dialog') {
    const path = await askOpenPath(parent);
    return path === null ? cancelled() : core.call('workspace/open', { path });
  }
  if (channel === 'workspace/create-dialog') {
    const path = await askSavePath(parent, 'New workspace', `Untitled${WORKSPACE_EXTENSION}`);
    if (path === null) return cancelled();
    return existsSync(path) ? existing(path) : core.call('workspace/create', { path });
  }
  const state = await core.call('workspace/state', {});
  if (!state.ok) return state;
  const current = state.value.workspace;
  if (!current) return fail('NO_WORKSPACE', 'No workspace is open: create or open one first');
  const stem = basename(current.location, extname(current.location));
  const path = await askSavePath(parent, 'Save workspace as', join(dirname(current.location), `${stem} copy${WORKSPACE_EXTENSION}`));
  if (path === null) return cancelled();
  return existsSync(path) ? existing(path) : core.call('workspace/save-as', { path });
}
