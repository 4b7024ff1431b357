import { fileArgOf, isChannel, refusalFor } from '#shared/ipc/contract';
import { fail, type Result } from '#shared/ipc/errors';

/** True when a file argument is a real path on some computer (absolute, from a drive letter or the home folder), not a name. */
export function isRealPath(value: string): boolean {
  return /^(?:[/\\~]|[A-Za-z]:)/.test(value.trim());
}

/**
 * Browser mode's door, derived from the contract (docs/reliability.md R33): a channel the contract does not offer the
 * browser page is refused, and so is a file argument that is a real path; the page names files inside the served
 * folder, and the core confines those names to it. Returns null when the request may go on to the core.
 */
export function browserRefusal(channel: unknown, args: unknown): Result<never> | null {
  const refusal = refusalFor('browser', channel);
  if (refusal || !isChannel(channel)) return refusal;
  const field = fileArgOf(channel);
  const value = field === null ? undefined : (args as Record<string, unknown> | null | undefined)?.[field];
  if (field === null || typeof value !== 'string' || !isRealPath(value)) return null;
  return fail('UNSAFE_PATH', `Browser mode takes the name of a file inside its folder, not a path on this computer ("${value.slice(0, 120)}")`, { field });
}
