import type { HandlerMap } from '../context';
import { exportFormats, previewExport, writeExportTo } from '../services/export-service';

type ExportChannel = 'export/formats' | 'export/preview' | 'export/write';

/** Spec export: the formats, a preview of the files, and writing them to a folder the host names. */
export const exportHandlers: HandlerMap<ExportChannel> = {
  'export/formats': () => exportFormats(),
  'export/preview': (args, ctx) => previewExport(ctx.session, args, ctx.options.version),
  'export/write': (args, ctx) => writeExportTo(ctx.session, args, ctx.options.resolvePath(args.path, 'save-as'), ctx.options.version),
};
