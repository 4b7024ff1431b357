// The export dialog's choices and how they read: the request they make, how each file and version is described,
// where the files go, and every refusal in plain words. Pure, so the dialog's tests and its e2e read the same texts.
import type { ExportFile } from '#shared/exporters/types';
import type { ArgsIn, ExportedVersionSummary, ExportPreview, ExportWritten, HostInfo } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';

/** Which version of each service: the approved one else the current draft, or approved ones only (refusing otherwise). */
export type VersionChoice = 'default' | 'approved';

/** What the dialog holds: the format, the services (all, or those picked) and the versions. */
export type ExportDraft = { format: string; services: 'all' | readonly number[]; versions: VersionChoice };

/** The preview request of a draft, or a sentence saying what is missing. */
export function previewRequest(draft: ExportDraft): { ok: true; args: ArgsIn<'export/preview'> } | { ok: false; message: string } {
  if (draft.format === '') return { ok: false, message: 'Choose a format.' };
  if (draft.services !== 'all' && draft.services.length === 0) return { ok: false, message: 'Nothing to export: pick at least one service.' };
  return {
    ok: true,
    args: {
      format: draft.format,
      serviceIds: draft.services === 'all' ? null : [...draft.services],
      // "Approved only" is the default selection with every service required approved: one refusal names them all.
      selection: { kind: 'default' },
      requireApproved: draft.versions === 'approved',
    },
  };
}

/** The name of the zip a browser download of several files gets. */
export const zipName = (format: string) => `slo-workbench-${format}.zip`;

/** A file's size in bytes: its base64 decoded, or its text in UTF-8. */
export function fileSize(file: ExportFile): number {
  if (file.encoding !== 'base64') return new TextEncoder().encode(file.text).length;
  const padding = file.text.endsWith('==') ? 2 : file.text.endsWith('=') ? 1 : 0;
  return Math.floor((file.text.length * 3) / 4) - padding;
}

/** A size as people read it: bytes below 1 KB, whole KB below 1 MB, MB with one decimal above. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The kind of a file by its extension, as in "PDF" or "YAML". */
export function fileKind(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? 'File' : name.slice(dot + 1).toUpperCase();
}

/** What the preview pane says of a binary file instead of showing its bytes. */
export const binaryNote = (file: ExportFile) => `${fileKind(file.name)}, ${sizeText(fileSize(file))} — preview in the downloaded file`;

/** The line under a file's name in the file list. */
export function fileLine(file: ExportFile): string {
  if (file.encoding === 'base64') return `${fileKind(file.name)}, ${sizeText(fileSize(file))}`;
  const lines = file.text === '' ? 0 : file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0);
  return `${lines} ${lines === 1 ? 'line' : 'lines'}, ${sizeText(fileSize(file))}`;
}

/** Which version of a service is exported, in words. */
export function versionText(s: ExportedVersionSummary): string {
  if (s.version === null) return `${s.service}: the current draft (never proposed, marked as a draft in the files)`;
  return s.state === 'approved' ? `${s.service}: version ${s.version}, approved` : `${s.service}: version ${s.version}, ${s.state} (not approved)`;
}

/** The services exported as something other than an approved version, named for the warning above the preview. */
export function draftNote(services: readonly ExportedVersionSummary[]): string | null {
  const drafts = services.filter((s) => s.state !== 'approved').map((s) => s.service);
  if (drafts.length === 0) return null;
  return `${drafts.length === 1 ? 'One service has' : `${drafts.length} services have`} no approved version and ${drafts.length === 1 ? 'exports its' : 'export their'} current draft: ${drafts.join(', ')}.`;
}

/** Where the files go, said before the export: a download in the browser, a folder chosen in the desktop app. */
export function destinationText(host: HostInfo | null, preview: ExportPreview): string {
  if (host?.fileAccess === 'dialog') {
    return `You choose a folder next. The ${preview.files.length} files are written there; files this export did not write are never replaced without asking.`;
  }
  if (preview.files.length === 1) return `Your browser downloads ${preview.files[0]!.name}.`;
  return `Your browser downloads one zip, ${zipName(preview.format)}, holding the ${preview.files.length} files.`;
}

/** What the desktop app wrote, in one sentence. */
export function writtenText(written: ExportWritten): string {
  const total = written.written.length + written.unchanged.length;
  const unchanged = written.unchanged.length === 0 ? '' : ` (${written.unchanged.length} unchanged)`;
  return `Exported ${total} ${total === 1 ? 'file' : 'files'} into ${written.folder}${unchanged}.`;
}

/** A refusal of the preview or the export, in plain words; null for a cancelled dialog, which says nothing. */
export function exportErrorText(error: AppError): string | null {
  if (error.code === 'CANCELLED') return null;
  const services = error.details?.services;
  if (error.code === 'CONFLICT' && error.details?.field === 'requireApproved' && Array.isArray(services)) {
    const names = services.map(String);
    return `Nothing can be exported as approved: ${names.length === 1 ? 'this service has' : 'these services have'} no approved version yet: ${names.join(', ')}. Approve a version on the Review screen, or export the current drafts.`;
  }
  if (error.code === 'NOT_FOUND' && error.details?.field === 'serviceIds') return `Nothing to export: ${lowerFirst(error.message)}.`;
  if (error.code === 'NO_WORKSPACE') return 'Nothing to export: no workspace is open.';
  return error.message;
}

const lowerFirst = (text: string) => (text.startsWith('The ') ? `the ${text.slice(4)}` : text);
