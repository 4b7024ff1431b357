/** One benchmark result line: value and baseline in the same unit, measured in the same run. */
export type Measurement = { name: string; value: number; unit: string; baseline: number; ratio: number; target?: string };

/** Median wall time in milliseconds of `fn` over `runs` runs, after `warmup` unmeasured runs. */
export function medianMs(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Same as medianMs for async work. */
export async function medianMsAsync(fn: () => Promise<unknown>, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints one JSON line per measurement, the format every benchmark shares. */
export function report(m: Omit<Measurement, 'ratio'>): Measurement {
  const line: Measurement = { ...m, value: round(m.value), baseline: round(m.baseline), ratio: round(m.value / m.baseline) };
  console.log(JSON.stringify(line));
  return line;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
