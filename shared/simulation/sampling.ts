// Random draws of the simulation, all from one seeded uniform source so a run repeats exactly from its seed.

/** A uniform random source in [0, 1); the simulation's only source of randomness (seededRandom gives one). */
export type Uniform = () => number;

/** The standard normal's 90th percentile: a lognormal's p90 is its median × e^(1.2816 σ). */
export const Z90 = 1.2815515655446004;

/** A duration distribution the engine draws from, in minutes. */
export type Dist = { kind: 'fixed'; minutes: number } | { kind: 'lognormal'; mu: number; sigma: number } | { kind: 'empirical'; minutes: readonly number[] };

/** The lognormal with a given median and 90th percentile: μ = ln median, σ = (ln p90 − ln median) ÷ z₀.₉. */
export function lognormalFrom(median: number, p90: number): Dist {
  if (p90 === median) return { kind: 'fixed', minutes: median };
  return { kind: 'lognormal', mu: Math.log(median), sigma: (Math.log(p90) - Math.log(median)) / Z90 };
}

/** A duration field (minutes, or median and p90) as a distribution. */
export function distOf(spec: number | { median: number; p90: number }): Dist {
  return typeof spec === 'number' ? { kind: 'fixed', minutes: spec } : lognormalFrom(spec.median, spec.p90);
}

/** The mean of a distribution, in minutes: a lognormal's is e^(μ + σ²/2). */
export function meanOf(d: Dist): number {
  if (d.kind === 'fixed') return d.minutes;
  if (d.kind === 'lognormal') return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
  return d.minutes.reduce((a, b) => a + b, 0) / d.minutes.length;
}

/** The largest value a distribution can give, in minutes (Infinity for a lognormal). */
export function maxOf(d: Dist): number {
  if (d.kind === 'fixed') return d.minutes;
  if (d.kind === 'lognormal') return Infinity;
  return Math.max(...d.minutes);
}

/** A standard normal draw by Box–Muller (one of the pair; the other is not kept, so draws stay in a fixed order). */
export function normal(u: Uniform): number {
  // 1 − u avoids log(0): u is in [0, 1).
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** One duration from a distribution, in minutes. */
export function draw(d: Dist, u: Uniform): number {
  if (d.kind === 'fixed') return d.minutes;
  if (d.kind === 'lognormal') return Math.exp(d.mu + d.sigma * normal(u));
  return d.minutes[Math.floor(u() * d.minutes.length)]!;
}

/** The wait to the next arrival of a Poisson process with `ratePerMinute`, in minutes (exponential). */
export function exponential(ratePerMinute: number, u: Uniform): number {
  return -Math.log(1 - u()) / ratePerMinute;
}
