import type { EventMap } from '#shared/ipc/events';
import { JobTable } from './job-table';

type Progress = EventMap['import-progress'];

/** A running import as its code sees it: the signal that cancels it and a way to report progress. */
export type ImportJob = { signal: AbortSignal; progress(phase: Progress['phase'], done: number, total: number): void };

/**
 * The imports running in one core, by the job id their client chose, so a client can follow one import's progress
 * events and cancel it. Progress events are thinned to one per PROGRESS_INTERVAL_MS per phase.
 */
export class ImportJobs {
  private readonly jobs = new JobTable('An import', 'The import was cancelled; nothing was stored');
  private readonly emit: (payload: Progress) => void;
  private readonly now: () => number;

  constructor(emit: (payload: Progress) => void, now: () => number = Date.now) {
    this.emit = emit;
    this.now = now;
  }

  /** Runs one import under a job id (or anonymously), cancelling it when the client asks. */
  run<T>(jobId: string | undefined, body: (job: ImportJob) => Promise<T>): Promise<T> {
    return this.jobs.run(jobId, async (signal) => {
      let lastPhase: Progress['phase'] | null = null;
      let lastAt = 0;
      let lastDone = 0;
      const job: ImportJob = {
        signal,
        progress: (phase, done, total) => {
          if (jobId === undefined) return;
          const at = this.now();
          // Within a phase, reports are thinned, but the first one that moves the bar always goes out.
          if (phase === lastPhase && at - lastAt < PROGRESS_INTERVAL_MS && done < total && lastDone > 0) return;
          lastPhase = phase;
          lastAt = at;
          lastDone = done;
          this.emit({ jobId, phase, done, total });
        },
      };
      const value = await body(job);
      job.progress('done', 1, 1);
      return value;
    });
  }

  /** Cancels a running import; false when no import runs under that id. */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }
}

/** Least time between two progress events of one phase. */
export const PROGRESS_INTERVAL_MS = 100;
