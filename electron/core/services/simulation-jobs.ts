import { AppFailure } from '#shared/ipc/errors';
import type { EventMap } from '#shared/ipc/events';

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
  private readonly running = new Map<string, AbortController>();
  private readonly emit: (payload: Progress) => void;
  private readonly now: () => number;

  constructor(emit: (payload: Progress) => void, now: () => number = Date.now) {
    this.emit = emit;
    this.now = now;
  }

  /** Runs one simulation under a job id (or anonymously); a cancelled one rejects with CANCELLED. */
  async run<T>(jobId: string | undefined, body: (job: SimulationJob) => Promise<T>): Promise<T> {
    if (jobId !== undefined && this.running.has(jobId)) throw new AppFailure('CONFLICT', `A simulation with job id ${jobId} is already running`);
    const controller = new AbortController();
    if (jobId !== undefined) this.running.set(jobId, controller);
    let lastAt = -Infinity;
    const job: SimulationJob = {
      signal: controller.signal,
      progress: (done, total) => {
        if (jobId === undefined) return;
        const at = this.now();
        if (done < total && at - lastAt < SIMULATION_PROGRESS_INTERVAL_MS) return;
        lastAt = at;
        this.emit({ jobId, done, total });
      },
    };
    try {
      return await body(job);
    } catch (error) {
      if (controller.signal.aborted) throw new AppFailure('CANCELLED', 'The simulation was cancelled; nothing was stored');
      throw error;
    } finally {
      if (jobId !== undefined) this.running.delete(jobId);
    }
  }

  /** Cancels a running simulation; false when none runs under that id. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
