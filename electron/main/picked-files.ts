import { randomUUID } from 'node:crypto';
import { PICKED_FILE_PREFIX } from '#shared/ipc/contract';

const picked = new Map<string, string>();

/** Most references kept; the oldest are forgotten first. */
const MAX_PICKED = 100;

/** Remembers a file the user chose in a native dialog and returns the reference the renderer may send back for it. */
export function rememberPickedFile(path: string): string {
  const ref = `${PICKED_FILE_PREFIX}${randomUUID()}`;
  picked.set(ref, path);
  if (picked.size > MAX_PICKED) picked.delete(picked.keys().next().value!);
  return ref;
}

/** The path behind a reference handed out by rememberPickedFile, or null for anything else (a made-up path included). */
export function pickedPath(ref: unknown): string | null {
  return typeof ref === 'string' ? (picked.get(ref) ?? null) : null;
}
