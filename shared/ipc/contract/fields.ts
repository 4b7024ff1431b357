import { z } from 'zod';
import { isKnownTimeZone } from '../../budget/calendar';
import type { FieldCheck } from '../../domain/validation';

/** The hosts a client of the core runs in: Electron's page, the browser page of `slo-workbench serve`, the command line. */
export const HOSTS = ['electron', 'browser', 'cli'] as const;

/** One host of the core. */
export type Host = (typeof HOSTS)[number];

/** Every host: for channels that take no file and open no dialog. */
export const EVERY_HOST = HOSTS;

/**
 * One channel of the contract: its argument schema, its result type, the hosts whose clients may call it, and, for a
 * channel that names a file, which argument does. A file argument means what the host's fileAccess says (HostInfo):
 * from Electron's page only a reference import/pick-dialog handed out, from the browser page a name inside the served
 * folder (never a real path: docs/reliability.md R33), from the command line a real path.
 */
export type ChannelSpec = {
  args: z.ZodType;
  result: unknown;
  hosts: readonly Host[];
  file?: 'path' | 'subfolder';
};

/** Turns a shared field check into a zod refinement so the boundary and the forms speak with one voice. */
export function checked<T, I>(base: z.ZodType<I>, check: (input: I) => FieldCheck<T>) {
  return base.transform((input, ctx) => {
    const result = check(input);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
}

// A typed placeholder: results are produced by our own code, so they carry a type but need no runtime schema.
export const returns = <T>() => undefined as unknown as T;

/** A channel that takes no arguments. */
export const none = z.object({}).strict();

/** A row id. */
export const id = z.number().int().positive();

/** A file argument: a path, a name inside the served folder or a picked-file reference, as the host reads it. */
export const filePath = z.string().min(1, 'A file name is required').max(4096);

/** A time as UTC milliseconds. */
export const timeMs = z.number().int('Times are whole milliseconds').min(0, 'Times start at 1970').max(8.64e15, 'That time is out of range');

/** An IANA time zone (the one schema of it: calendar windows, CSV times without offset, exclusions). */
export const timeZone = z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' });

/** The id a client gives a long job (an import) so it can follow and cancel it. */
export const jobId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A job id is letters, digits, - and _');

/** The unit latency values are written in. */
export const latencyUnit = z.enum(['ms', 's', 'us'], { message: 'The unit of the values is ms, s or us (µs)' });
