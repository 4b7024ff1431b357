// Spec files read in a worker thread (electron/core/workers/spec-worker.ts) under a time and a memory limit, with the
// pure readers' size, depth and alias limits inside it: a parse past the time limit is stopped by terminating the
// worker, and a message names the files it was reading. `validate` and `import-spec` both read through here.
import type { SpecFileRead } from '#shared/specs/spec-files';
import { SPEC_LIMITS, type SpecLimits } from '#shared/specs/spec-limits';
import { runWorker, type WorkerLimits, type WorkerWording } from '../workers/run-worker';
import type { SpecJob } from '../workers/spec-worker';

const SPEC_WORKER = new URL('../workers/spec-worker.ts', import.meta.url);

/**
 * Time and memory of one read: 60 s and 2 GiB of heap. A 10,000-SLO Sloth spec (4.8 MB) reads in about 3 s
 * (docs/performance.md); a single file near the 64 MiB cap needs tens of seconds, so both limits stop only what no
 * real spec needs.
 */
export const SPEC_READ_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 2048, stackSizeMb: 4 };

/** Limits a caller may set instead of the defaults (tests give tiny ones). */
export type SpecReadLimits = { worker?: WorkerLimits; spec?: SpecLimits };

/** The files as messages name them: each by name when there are a few, else their count. */
function filesText(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.length} spec files`;
}

/** The words of a spec read's failures, naming the files. */
function wording(names: readonly string[]): WorkerWording {
  const files = filesText(names);
  return {
    cancelled: `Reading ${files} was cancelled`,
    work: `Reading ${files}`,
    memory: (mb) => `Reading ${files} needs more memory than the ${mb} MB allowed for reading spec files`,
    worker: `The reader of ${files}`,
  };
}

/** Reads each file in its own format in one worker; resolves with every file's outcome, rejects only when the worker is stopped. */
export function readSpecFiles(files: readonly { name: string; text: string }[], limits: SpecReadLimits = {}): Promise<SpecFileRead[]> {
  const job: SpecJob = { files: files.map((f) => ({ name: f.name, text: f.text })), limits: limits.spec ?? SPEC_LIMITS };
  return runWorker<SpecJob, SpecFileRead[]>(SPEC_WORKER, job, { limits: limits.worker ?? SPEC_READ_LIMITS, words: wording(files.map((f) => f.name)) });
}
