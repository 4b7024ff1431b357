// Benchmark worker: times the what-if engine inside a worker thread, as the app runs it, against a minimal loop
// drawing the same number of random numbers from the same generator.
import { parentPort } from 'node:worker_threads';
import { seededRandom } from '#shared/domain/seeded-random';
import { simulate } from '#shared/simulation/engine';
import type { EngineInput } from '#shared/simulation/engine-types';
import { medianMs } from './measure';

/** What the worker is asked: an engine input and how many timed runs. */
export type SimulationBenchJob = { input: EngineInput; runs: number; warmup: number };

/** What it answers: median milliseconds of the engine and of the loop, and the draws one run takes. */
export type SimulationBenchReply = { engineMs: number; loopMs: number; draws: number };

parentPort!.on('message', ({ input, runs, warmup }: SimulationBenchJob) => {
  let draws = 0;
  simulate(input, {
    random: (seed) => {
      const u = seededRandom(seed);
      return () => {
        draws++;
        return u();
      };
    },
  });
  const engineMs = medianMs(() => simulate(input), runs, warmup);
  let sink = 0;
  const loopMs = medianMs(
    () => {
      const u = seededRandom(input.seed);
      for (let i = 0; i < draws; i++) sink += u();
    },
    runs,
    warmup,
  );
  parentPort!.postMessage({ engineMs, loopMs: loopMs + (sink === -1 ? 1 : 0), draws } satisfies SimulationBenchReply);
});
