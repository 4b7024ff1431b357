import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { AppFailure } from '#shared/ipc/errors';

/** Limits a worker runs under: wall time and V8 heap (R19). */
export type WorkerLimits = { timeoutMs: number; maxOldGenerationSizeMb: number; stackSizeMb: number };

/** Limits for parsing one file: a minute and 1 GiB of heap. */
export const PARSE_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1024, stackSizeMb: 4 };

/** How a worker's failures are told to people: what was cancelled, the work that ran, and who stopped. */
export type WorkerWording = { cancelled: string; work: string; memory: (mb: number) => string; worker: string };

/** The words of a file being read (the default). */
export const READING_WORDS: WorkerWording = {
  cancelled: 'The import was cancelled',
  work: 'Reading the file',
  memory: (mb) => `The file needs more memory than the ${mb} MB allowed for reading it`,
  worker: 'The reader',
};

/** The words of a simulation. */
export const SIMULATING_WORDS: WorkerWording = {
  cancelled: 'The simulation was cancelled',
  work: 'The simulation',
  memory: (mb) => `The simulation needs more memory than the ${mb} MB allowed for it`,
  worker: 'The simulation',
};

/** What a worker entry module posts back: a value, or an error message (it never throws across the boundary). */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; message: string };

/** A message a worker may send any number of times before its reply: how far it has got. */
export type WorkerProgress = { progress: { done: number; total: number } };

/**
 * The file URL of tsx's ESM API, found from this project rather than from the user's working directory (the CLI runs
 * anywhere), through the package's own exports map.
 */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}

/**
 * Starts a worker for a TypeScript entry module. A bundled sibling (`entry.cjs`, written by the Electron build) runs
 * as is; in development, tests and the CLI the worker registers tsx first so it can load the TypeScript source.
 */
function startWorker(entry: URL, limits: WorkerLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, stackSizeMb: limits.stackSizeMb };
  const bundled = fileURLToPath(entry).replace(/\.ts$/, '.cjs');
  if (existsSync(bundled)) return new Worker(bundled, { resourceLimits });
  const tsx = tsxEsmApi();
  const source = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(fileURLToPath(entry)).href)}); })`;
  return new Worker(source, { eval: true, resourceLimits });
}

/** A time limit as people read it: whole seconds, or milliseconds below one second. */
function durationText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * Runs one job in a fresh worker thread and resolves with its reply. The worker is terminated on reply, on timeout,
 * on cancel and on crash (including running out of its heap), so the calling process survives any input (R19).
 */
export function runWorker<Req, Res>(
  entry: URL,
  request: Req,
  options: {
    limits?: WorkerLimits;
    signal?: AbortSignal;
    transfer?: TransferListItem[];
    onProgress?: (done: number, total: number) => void;
    words?: WorkerWording;
  } = {},
): Promise<Res> {
  const limits = options.limits ?? PARSE_LIMITS;
  const words = options.words ?? READING_WORDS;
  return new Promise<Res>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AppFailure('CANCELLED', words.cancelled));
    const worker = startWorker(entry, limits);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new AppFailure('CANCELLED', `${words.work} took longer than ${durationText(limits.timeoutMs)} and was stopped`))),
      limits.timeoutMs,
    );
    const onAbort = () => finish(() => reject(new AppFailure('CANCELLED', words.cancelled)));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply<Res> | WorkerProgress) => {
      if ('progress' in reply) {
        if (!settled) options.onProgress?.(reply.progress.done, reply.progress.total);
        return;
      }
      finish(() => (reply.ok ? resolve(reply.value) : reject(new AppFailure('INVALID_ARGUMENT', reply.message))));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          new AppFailure(
            'INTERNAL',
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? words.memory(limits.maxOldGenerationSizeMb) : `${words.work} failed: ${error.message}`,
          ),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new AppFailure('INTERNAL', `${words.worker} stopped unexpectedly (exit code ${code})`))));
    worker.postMessage(request, options.transfer ?? []);
  });
}
