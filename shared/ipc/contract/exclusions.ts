import { z } from 'zod';
import { EXCLUSION_CATEGORIES, type Exclusion } from '../../analysis/exclusions';
import { EVERY_HOST, id, returns, timeMs, timeZone, type ChannelSpec } from './fields';

/** Boundary schema of an exclusion; its rules (rule syntax, duration) are checked by checkExclusion in the core. */
export const exclusionSchema = z
  .object({
    category: z.enum(EXCLUSION_CATEGORIES, { message: `Category must be one of ${EXCLUSION_CATEGORIES.join(', ')}` }),
    reason: z.string().max(500, 'A reason must be at most 500 characters'),
    startMs: timeMs,
    durationMinutes: z.number(),
    rrule: z.string().max(500).nullable(),
    timeZone,
  })
  .strict();

/** Periods a service's (or one SLI's) history leaves out of its analysis. */
export const exclusionChannels = {
  'exclusion/list': { args: z.object({ serviceId: id }).strict(), result: returns<Exclusion[]>(), hosts: EVERY_HOST },
  'exclusion/add': {
    args: z.object({ serviceId: id, sliId: id.nullable().default(null), exclusion: exclusionSchema }).strict(),
    result: returns<Exclusion>(),
    hosts: EVERY_HOST,
  },
  'exclusion/delete': { args: z.object({ id }).strict(), result: returns<{ id: number }>(), hosts: EVERY_HOST },
} as const satisfies Record<string, ChannelSpec>;
