// Worker entry: reads one file's bytes with the importer for its format, off the main thread (R19).
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseRequest } from '../../../shared/importers/dispatch';

parentPort!.on('message', (job: { bytes: Uint8Array; request: ParseRequest }) => {
  try {
    const result = parseFile(job.bytes, job.request);
    // Hand the columns over without copying them.
    const buffers = new Set<ArrayBuffer>();
    for (const s of result.series) for (const a of [s.t, s.good, s.total]) buffers.add(a.buffer as ArrayBuffer);
    parentPort!.postMessage({ ok: true, value: result }, [...buffers]);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: `The file could not be read: ${(error as Error).message}` });
  }
});
