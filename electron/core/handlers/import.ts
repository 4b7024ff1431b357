import type { HandlerMap } from '../context';
import { analyseSli } from '../services/analysis-service';
import { importFile } from '../services/import-service';

/** Importing history from files, and what it says about an SLI's tiers. */
export const importHandlers: HandlerMap<'import/file' | 'analysis/sli'> = {
  'analysis/sli': (args, ctx) => analyseSli(ctx.session, args.sliId, args.windowDays),
  'import/file': async (args, ctx) => {
    const path = ctx.options.resolvePath(args.path, 'open');
    const { sliId, format, csv, accessLog, prometheusRatio, onBadRows } = args;
    const summary = await importFile(ctx.session, { sliId, path, onBadRows, request: { format, csv, accessLog, prometheusRatio } }, ctx.now);
    if (summary.status === 'stored') ctx.emit('history-changed', { sliId });
    return summary;
  },
};
