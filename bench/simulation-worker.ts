// Benchmark worker: times the what-if engine inside a worker thread, as the app runs it, against a minimal loop
// drawing the same number of random numbers from the same generator.
import { parentPort } from 'node:worker_threads';
import { seededRandom } from '#shared/domain/seeded-random';
import { simulate } from '#shared/simulation/engine';
import type { EngineInput } from '#shared/simulation/engine-types';

/** What the worker is asked: an engine input and how many timed runs. */
export type SimulationBenchJob = { input: EngineInput; runs: number; warmup: number };

/** What it answers: median milliseconds of the engine and of the loop, and the draws one run takes. */
export type SimulationBenchReply = { engineMs: number; loopMs: number; draws: number };

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

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
  const engineMs = timed(() => simulate(input), runs, warmup);
  let sink = 0;
  const loopMs = timed(
    () => {
      const u = seededRandom(input.seed);
      for (let i = 0; i < draws; i++) sink += u();
    },
    runs,
    warmup,
  );
  parentPort!.postMessage({ engineMs, loopMs: loopMs + (sink === -1 ? 1 : 0), draws } satisfies SimulationBenchReply);
});
