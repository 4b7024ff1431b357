// Worker entry: reads spec files (OpenSLO, Sloth, Pyrra; YAML or JSON) with the pure readers of shared/specs, off the
// main thread, so the core's time and memory limits can stop a parse that runs too long (R19, R21).
import { parentPort } from 'node:worker_threads';
import { readSpecFile, type SpecFileRead } from '#shared/specs/spec-files';
import type { SpecLimits } from '#shared/specs/spec-limits';

/** The files of one `validate` or `import-spec`, read in one worker, and the size and depth limits of each. */
export type SpecJob = { files: { name: string; text: string }[]; limits: SpecLimits };

parentPort!.on('message', (job: SpecJob) => {
  try {
    const read: SpecFileRead[] = job.files.map((f) => readSpecFile(f.name, f.text, job.limits));
    parentPort!.postMessage({ ok: true, value: read });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: `The spec files could not be read: ${(error as Error).message}` });
  }
});
