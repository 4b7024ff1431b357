// Worker entry: reads one file's bytes with the importer for its format, off the main thread (R19). A batch (the
// answers of a live Prometheus import) is read in one worker so each answer does not pay for starting a thread.
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseRequest } from '#shared/importers/dispatch';
import type { ParseResult } from '#shared/importers/types';

/** One file to read, or several read in turn and answered as a list. */
export type ParseJob = { bytes: Uint8Array; request: ParseRequest } | { batch: { bytes: Uint8Array; request: ParseRequest }[] };

parentPort!.on('message', (job: ParseJob) => {
  try {
    const progress = (done: number, total: number) => parentPort!.postMessage({ progress: { done, total } });
    const results = 'batch' in job ? job.batch.map((one) => parseFile(one.bytes, one.request)) : [parseFile(job.bytes, job.request, progress)];
    // Hand the columns over without copying them.
    const buffers = new Set<ArrayBuffer>();
    for (const result of results) for (const s of result.series) for (const a of [s.t, s.good, s.total]) buffers.add(a.buffer as ArrayBuffer);
    const value: ParseResult | ParseResult[] = 'batch' in job ? results : results[0]!;
    parentPort!.postMessage({ ok: true, value }, [...buffers]);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: `The file could not be read: ${(error as Error).message}` });
  }
});
