import { AppFailure } from '#shared/ipc/errors';
import type { EventMap } from '#shared/ipc/events';

type Progress = EventMap['import-progress'];

/** A running import as its code sees it: the signal that cancels it and a way to report progress. */
export type ImportJob = { signal: AbortSignal; progress(phase: Progress['phase'], done: number, total: number): void };

/**
 * The imports running in one core, by the job id their client chose, so a client can follow one import's progress
 * events and cancel it. Progress events are thinned to one per PROGRESS_INTERVAL_MS per phase.
 */
export class ImportJobs {
  private readonly running = new Map<string, AbortController>();
  private readonly emit: (payload: Progress) => void;
  private readonly now: () => number;

  constructor(emit: (payload: Progress) => void, now: () => number = Date.now) {
    this.emit = emit;
    this.now = now;
  }

  /** Runs one import under a job id (or anonymously), cancelling it when the client asks. */
  async run<T>(jobId: string | undefined, body: (job: ImportJob) => Promise<T>): Promise<T> {
    if (jobId !== undefined && this.running.has(jobId)) throw new AppFailure('CONFLICT', `An import with job id ${jobId} is already running`);
    const controller = new AbortController();
    if (jobId !== undefined) this.running.set(jobId, controller);
    let lastPhase: Progress['phase'] | null = null;
    let lastAt = 0;
    let lastDone = 0;
    const job: ImportJob = {
      signal: controller.signal,
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
    try {
      const value = await body(job);
      job.progress('done', 1, 1);
      return value;
    } catch (error) {
      if (controller.signal.aborted) throw new AppFailure('CANCELLED', 'The import was cancelled; nothing was stored');
      throw error;
    } finally {
      if (jobId !== undefined) this.running.delete(jobId);
    }
  }

  /** Cancels a running import; false when no import runs under that id. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

/** Least time between two progress events of one phase. */
export const PROGRESS_INTERVAL_MS = 100;
