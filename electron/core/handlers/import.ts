import type { HandlerMap } from '../context';
import { importFile } from '../services/import-service';

/** Importing history from files. */
export const importHandlers: HandlerMap<'import/file'> = {
  'import/file': async (args, ctx) => {
    const path = ctx.options.resolvePath(args.path, 'open');
    const { sliId, format, csv, accessLog, prometheusRatio, onBadRows } = args;
    const summary = await importFile(ctx.session, { sliId, path, onBadRows, request: { format, csv, accessLog, prometheusRatio } }, ctx.now);
    if (summary.status === 'stored') ctx.emit('history-changed', { sliId });
    return summary;
  },
};
