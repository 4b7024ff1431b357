// Events injected into a real history for a replay: a one-off ("day 12 at 14:00, 45 minutes at 30 % errors") or a
// recurring one ("a weekly deploy causing 10 minutes at 0.5 %"), each named so the replay can say what it added.
import { z } from 'zod';

/** Most injections one replay takes. */
export const MAX_INJECTIONS = 50;

/** How often an injected event repeats: once, every day or every week from its first start. */
export const INJECTION_REPEATS = ['once', 'daily', 'weekly'] as const;

/** How often one injection repeats. */
export type InjectionRepeat = (typeof INJECTION_REPEATS)[number];

/** One injected event, checked: when it (first) starts, how long it lasts, the share of requests it fails, how often it repeats. */
export const injectionSchema = z
  .object({
    name: z.string().trim().min(1, 'An injected event needs a name').max(80, 'An injected event’s name is at most 80 characters'),
    startMs: z.number().int('Times are whole milliseconds').min(0).max(8.64e15),
    durationMinutes: z
      .number()
      .gt(0, 'durationMinutes must be longer than 0')
      .max(366 * 1440, 'durationMinutes must be at most a year'),
    errorRate: z.number().min(0, 'errorRate must be at least 0').max(1, 'errorRate must be at most 1 (100 %)'),
    repeat: z.enum(INJECTION_REPEATS).default('once'),
  })
  .strict();

/** One injected event with its defaults filled in. */
export type Injection = z.output<typeof injectionSchema>;
