import type { HandlerMap } from '../context';
import { deleteImport } from '../services/import-delete';
import { previewFile } from '../services/import-preview';
import { importFile } from '../services/import-service';
import { listImports } from '../services/import-list';
import { importPrometheus } from '../services/prometheus-import';

/** Importing history from files: preview, import with progress and cancel, and the list of what was imported. */
export const importHandlers: HandlerMap<'import/file' | 'import/preview' | 'import/prometheus' | 'import/cancel' | 'import/list' | 'import/delete'> = {
  'import/preview': (args, ctx) => previewFile(ctx.options.resolvePath(args.path, 'open'), args.encoding),
  'import/file': async (args, ctx) => {
    const path = ctx.options.resolvePath(args.path, 'open');
    const { sliId, format, encoding, csv, accessLog, jsonSamples, prometheusRatio, onBadRows } = args;
    const summary = await ctx.jobs.run(args.jobId, (job) =>
      importFile(
        ctx.session,
        {
          sliId,
          path,
          onBadRows,
          request: { format, encoding, csv, accessLog, jsonSamples, prometheusRatio },
          signal: job.signal,
          onProgress: (phase, done, total) => job.progress(phase, done, total),
        },
        ctx.now,
      ),
    );
    if (summary.status === 'stored') ctx.emit('history-changed', { sliId });
    return summary;
  },
  'import/prometheus': async (args, ctx) => {
    const summary = await ctx.jobs.run(args.jobId, (job) =>
      importPrometheus(ctx.session, args, {
        now: ctx.now,
        signal: job.signal,
        onProgress: (done, total) => job.progress('querying', done, total),
      }),
    );
    if (summary.status === 'stored') ctx.emit('history-changed', { sliId: args.sliId });
    return summary;
  },
  'import/cancel': (args, ctx) => ({ cancelled: ctx.jobs.cancel(args.jobId) }),
  'import/list': (args, ctx) => listImports(ctx.session, args.sliId),
  'import/delete': (args, ctx) => {
    const record = deleteImport(ctx.session, args.importId);
    ctx.emit('history-changed', { sliId: record.sliId });
    return { importId: args.importId };
  },
};
