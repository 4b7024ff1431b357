// What a sensitivity run gives back: each knob of a scenario moved down and up by half, and how far that moves the
// SLO's breach probability (a tornado chart, largest swing first).

/** One knob moved ±50 %: the breach probability at half and at one and a half times its value. */
export type KnobSwing = { knob: string; label: string; value: string; low: number; high: number; swing: number };

/** The tornado of one scenario: the tier it reads, the breach probability as the scenario stands, and every knob's swing. */
export type Sensitivity = { tier: string; trialsPerVariant: number; seed: number; base: number; knobs: KnobSwing[] };
