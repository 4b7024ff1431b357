// The desktop app's export: a native folder dialog, then the core's write into the folder chosen. Files the export
// did not write are never replaced on the first try; the refusal names them, and only a second call with force
// replaces them, in that same folder (the page never names a folder itself: it picks through this dialog).
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { contract, type Args, type ExportWritten } from '#shared/ipc/contract';
import { fail, type Result } from '#shared/ipc/errors';
import type { Core } from '../core/registry';

/** The folder of the last export refused for files it would have replaced: the only folder a forced write goes to. */
let refusedFolder: string | null = null;

async function askFolder(parent: BrowserWindow | null, defaultPath: string | undefined): Promise<string | null> {
  const options = {
    title: 'Export into a folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory' as const, 'createDirectory' as const],
    ...(defaultPath ? { defaultPath } : {}),
  };
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return answer.canceled ? null : (answer.filePaths[0] ?? null);
}

/** The refusal in the app's words: the folder and every file it holds that this export did not write. */
function refusal(folder: string, files: readonly string[]): Result<never> {
  const which =
    files.length === 1
      ? `a file this export did not write, or that changed since: ${files[0]}`
      : `${files.length} files this export did not write, or that changed since: ${files.join(', ')}`;
  return fail('FILE_EXISTS', `The folder ${basename(folder)} already holds ${which}. Nothing was written. Choose another folder, or replace these files.`, {
    path: folder,
    files: [...files],
  });
}

/**
 * Asks for a folder (or, with force, takes the one just refused) and writes the export there. CANCELLED when no
 * folder is chosen; FILE_EXISTS naming the files when the folder holds files the export did not write.
 */
export async function runExportDialog(core: Core, parent: BrowserWindow | null, rawArgs: unknown): Promise<Result<ExportWritten>> {
  const parsed = contract['export/write-dialog'].args.safeParse(rawArgs ?? {});
  if (!parsed.success) return fail('INVALID_ARGUMENT', parsed.error.issues[0]?.message ?? 'The export was asked for with arguments it does not take');
  const args: Args<'export/write-dialog'> = parsed.data;
  const folder = args.force && refusedFolder !== null ? refusedFolder : await askFolder(parent, refusedFolder ?? undefined);
  if (folder === null) return fail('CANCELLED', 'Cancelled');
  const written = await core.call('export/write', { ...args, path: folder, force: args.force });
  if (written.ok) {
    refusedFolder = null;
    return written;
  }
  if (written.error.code !== 'FILE_EXISTS') return written;
  refusedFolder = folder;
  const files = written.error.details?.files;
  return refusal(folder, Array.isArray(files) ? files.map(String) : []);
}

/** Forgets the refused folder (tests start each case afresh). */
export function forgetRefusedExportFolder(): void {
  refusedFolder = null;
}
