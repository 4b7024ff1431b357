// Worker entry: runs what-if simulations off the main thread, reporting trials done as it goes. A batch (the variants
// of a sensitivity run) runs in one worker so each variant does not pay for starting a thread.
import { parentPort } from 'node:worker_threads';
import { simulate } from '#shared/simulation/engine';
import type { EngineInput } from '#shared/simulation/engine-types';

/** The runs of one job: one scenario, or the variants of a sensitivity run. */
export type SimulateJob = { inputs: EngineInput[] };

/** What one run gives back. */
export type SimulateOutput = ReturnType<typeof simulate>;

parentPort!.on('message', (job: SimulateJob) => {
  try {
    const total = job.inputs.reduce((n, input) => n + input.trials * new Set(input.tiers.map((t) => t.windowMinutes)).size, 0);
    let before = 0;
    const outputs: SimulateOutput[] = [];
    for (const input of job.inputs) {
      let last = 0;
      outputs.push(
        simulate(input, {
          onProgress: (done) => {
            last = done;
            parentPort!.postMessage({ progress: { done: before + done, total } });
          },
        }),
      );
      before += last;
    }
    parentPort!.postMessage({ ok: true, value: outputs });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: `The simulation failed: ${(error as Error).message}` });
  }
});
