import type { z } from 'zod';
import { contract, isChannel, type Args, type Channel } from './contract';
import { fail, ok, type Result } from './errors';

/** Formats the first zod issue as the sentence shown to people, naming the field it belongs to. */
function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'Invalid arguments' };
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return { field, message: `Unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field, message: `${field || 'Argument'} is required` };
  return { field, message: issue.message };
}

/** Validates a channel name and its raw arguments at a boundary; never throws, whatever it is given. */
export function validateArgs<C extends Channel>(channel: C, raw: unknown): Result<Args<C>>;
export function validateArgs(channel: unknown, raw: unknown): Result<unknown>;
export function validateArgs(channel: unknown, raw: unknown): Result<unknown> {
  if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Unknown command "${String(channel).slice(0, 80)}"`);
  const schema = contract[channel].args as z.ZodType;
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(raw ?? {});
  } catch {
    return fail('INVALID_ARGUMENT', 'Arguments could not be read');
  }
  if (parsed.success) return ok(parsed.data);
  const { field, message } = firstIssue(parsed.error);
  return fail('INVALID_ARGUMENT', message, field ? { field } : undefined);
}
