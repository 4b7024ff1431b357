import type { EventMap } from '#shared/ipc/events';
import { JobTable } from './job-table';

type Progress = EventMap['simulation-progress'];

/** A running simulation as its code sees it: the signal that cancels it and a way to report trials done. */
export type SimulationJob = { signal: AbortSignal; progress(done: number, total: number): void };

/** Least time between two progress events of one simulation. */
export const SIMULATION_PROGRESS_INTERVAL_MS = 100;

/**
 * The simulations running in one core, by the job id their client chose, so a client can follow one run's progress
 * and cancel it. Progress is thinned to one event per SIMULATION_PROGRESS_INTERVAL_MS, the last one always sent.
 */
export class SimulationJobs {
  private readonly jobs = new JobTable('A simulation', 'The simulation was cancelled; nothing was stored');
  private readonly emit: (payload: Progress) => void;
  private readonly now: () => number;

  constructor(emit: (payload: Progress) => void, now: () => number = Date.now) {
    this.emit = emit;
    this.now = now;
  }

  /** Runs one simulation under a job id (or anonymously); a cancelled one rejects with CANCELLED. */
  run<T>(jobId: string | undefined, body: (job: SimulationJob) => Promise<T>): Promise<T> {
    return this.jobs.run(jobId, (signal) => {
      let lastAt = -Infinity;
      return body({
        signal,
        progress: (done, total) => {
          if (jobId === undefined) return;
          const at = this.now();
          if (done < total && at - lastAt < SIMULATION_PROGRESS_INTERVAL_MS) return;
          lastAt = at;
          this.emit({ jobId, done, total });
        },
      });
    });
  }

  /** Cancels a running simulation; false when none runs under that id. */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }
}
