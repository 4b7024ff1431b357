import { z } from 'zod';
import { injectionSchema, MAX_INJECTIONS } from '../../simulation/injection';
import type { ReplayReport } from '../../simulation/replay-report';
import type { SimulationResult } from '../../simulation/result';
import { DEFAULT_SEED, DEFAULT_TRIALS, scenarioSchema, seedSchema, trialsSchema, type Scenario } from '../../simulation/scenario';
import type { Sensitivity } from '../../simulation/sensitivity-types';
import { EVERY_HOST, id, jobId, returns, timeMs, type ChannelSpec } from './fields';

/**
 * A scenario as the workspace stores it, with its last run (null until it has been run, or after it was edited).
 * `unreadable` is set when the stored fields no longer pass the scenario schema (written by a newer version, or edited
 * outside the app): it says why, `scenario` then holds only the name with every other field at its default, and the
 * scenario cannot be run until it is saved again or deleted.
 */
export type StoredScenario = {
  id: number;
  sliId: number;
  serviceId: number;
  scenario: Scenario;
  lastRun: SimulationResult | null;
  updatedMs: number;
  unreadable?: string;
};

/** Which scenario a run uses: a stored one by id, or the fields of a draft not yet saved. */
const which = {
  scenarioId: id.nullable().default(null),
  scenario: scenarioSchema.nullable().default(null),
};

const runArgs = {
  sliId: id,
  ...which,
  trials: trialsSchema.default(DEFAULT_TRIALS),
  seed: seedSchema.default(DEFAULT_SEED),
  /** When the simulated windows start; by default the Monday 00:00 UTC of this week, so runs repeat all week. */
  startMs: timeMs.nullable().default(null),
  jobId: jobId.optional(),
};

/** What-if scenarios of an SLI, their runs (Monte Carlo, in a worker, with progress and cancel) and replays of real history. */
export const simulationChannels = {
  'scenario/list': { args: z.object({ sliId: id }).strict(), result: returns<StoredScenario[]>(), hosts: EVERY_HOST },
  'scenario/save': {
    args: z.object({ sliId: id, id: id.nullable().default(null), scenario: scenarioSchema }).strict(),
    result: returns<StoredScenario>(),
    hosts: EVERY_HOST,
  },
  'scenario/delete': { args: z.object({ id }).strict(), result: returns<{ id: number; sliId: number }>(), hosts: EVERY_HOST },
  'simulation/run': {
    args: z
      .object({ ...runArgs, store: z.boolean().default(true) })
      .strict()
      .refine((a) => (a.scenarioId === null) !== (a.scenario === null), { message: 'Give either scenarioId or scenario', path: ['scenarioId'] }),
    result: returns<SimulationResult>(),
    hosts: EVERY_HOST,
  },
  'simulation/sensitivity': {
    args: z
      .object(runArgs)
      .strict()
      .refine((a) => (a.scenarioId === null) !== (a.scenario === null), { message: 'Give either scenarioId or scenario', path: ['scenarioId'] }),
    result: returns<Sensitivity>(),
    hosts: EVERY_HOST,
  },
  'simulation/cancel': { args: z.object({ jobId }).strict(), result: returns<{ cancelled: boolean }>(), hosts: EVERY_HOST },
  'simulation/replay': {
    args: z
      .object({
        sliId: id,
        seriesId: id.nullable().default(null),
        fromMs: timeMs.nullable().default(null),
        toMs: timeMs.nullable().default(null),
        injections: z.array(injectionSchema).max(MAX_INJECTIONS, `A replay takes at most ${MAX_INJECTIONS} injected events`),
        excluding: z.boolean().default(true),
      })
      .strict(),
    result: returns<ReplayReport>(),
    hosts: EVERY_HOST,
  },
} as const satisfies Record<string, ChannelSpec>;
