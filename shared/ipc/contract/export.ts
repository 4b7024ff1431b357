import { z } from 'zod';
import type { ExportFile, ExportLossReport } from '../../exporters/types';
import { EVERY_HOST, filePath, id, returns, type ChannelSpec } from './fields';

/** Which version of each service an export takes: by default the approved one else the draft, only approved ones, or one numbered version. */
export const exportSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }).strict(),
  z.object({ kind: z.literal('approved') }).strict(),
  z.object({ kind: z.literal('version'), version: id }).strict(),
]);

/** What an export renders: a format, the services (all when null), the version of each, and whether every one must be approved. */
const exportRequest = {
  format: z.string().min(1, 'Name the format').max(64),
  serviceIds: z.array(id).min(1, 'Name at least one service, or none for all').max(10_000).nullable().default(null),
  selection: exportSelectionSchema.default({ kind: 'default' }),
  requireApproved: z.boolean().default(false),
};

/** One service of an export: its name and the version exported (number null for a draft never proposed). */
export type ExportedVersionSummary = { service: string; version: number | null; state: 'draft' | 'proposed' | 'approved' };

/** What an export would write: the files (the loss report among them), the report itself and the versions taken. */
export type ExportPreview = { format: string; title: string; files: ExportFile[]; report: ExportLossReport; services: ExportedVersionSummary[] };

/** What an export wrote: the folder, each file written or left as it was (same bytes), and the versions taken. */
export type ExportWritten = { folder: string; written: string[]; unchanged: string[]; report: ExportLossReport; services: ExportedVersionSummary[] };

/** Every format the exporters offer, with what each can lose. */
export type ExportFormatInfo = { id: string; title: string; extensions: string[]; losses: { id: string; description: string }[] };

/** Spec export: the formats, a preview of the files (the export dialog, a browser download) and writing them to a folder. */
export const exportChannels = {
  'export/formats': { args: z.object({}).strict(), result: returns<ExportFormatInfo[]>(), hosts: EVERY_HOST },
  'export/preview': { args: z.object(exportRequest).strict(), result: returns<ExportPreview>(), hosts: EVERY_HOST },
  'export/write': {
    // `path` is the output folder; browser mode downloads the preview's files instead, Electron will ask with a folder dialog.
    args: z.object({ ...exportRequest, path: filePath, force: z.boolean().default(false) }).strict(),
    result: returns<ExportWritten>(),
    hosts: ['cli'],
    file: 'path',
  },
  'export/write-dialog': {
    // Electron: a native folder dialog, then the write with force false. Answers CANCELLED when no folder is chosen and
    // FILE_EXISTS naming the files (details.files) it will not replace; force true then replaces them in the folder
    // just refused, without asking for a folder again.
    args: z.object({ ...exportRequest, force: z.boolean().default(false) }).strict(),
    result: returns<ExportWritten>(),
    hosts: ['electron'],
  },
} as const satisfies Record<string, ChannelSpec>;
