import { AppFailure } from '#shared/ipc/errors';

/**
 * Long jobs of one kind running in a core (imports, simulations), by the job id their client chose, so the client can
 * cancel one: a second job under a running id is a conflict, and a cancelled job rejects with CANCELLED.
 */
export class JobTable {
  private readonly running = new Map<string, AbortController>();

  /** `what` names a job in messages ("An import"); `cancelled` is what a cancelled one says. */
  constructor(
    private readonly what: string,
    private readonly cancelled: string,
  ) {}

  /** Runs one job under its id (or anonymously), handing it the signal its cancel raises. */
  async run<T>(jobId: string | undefined, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (jobId !== undefined && this.running.has(jobId)) throw new AppFailure('CONFLICT', `${this.what} with job id ${jobId} is already running`);
    const controller = new AbortController();
    if (jobId !== undefined) this.running.set(jobId, controller);
    try {
      return await body(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new AppFailure('CANCELLED', this.cancelled);
      throw error;
    } finally {
      if (jobId !== undefined) this.running.delete(jobId);
    }
  }

  /** Cancels a running job; false when none runs under that id. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
