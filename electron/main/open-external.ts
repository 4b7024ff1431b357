import { shell } from 'electron';

/** Hosts links may open in the system browser: reference documentation for the formats the app speaks. */
export const EXTERNAL_HOSTS: readonly string[] = ['openslo.com', 'sloth.dev', 'prometheus.io', 'sre.google', 'github.com'];

// C0 controls, DEL and C1 controls: the URL parser strips or keeps them silently, so refuse them up front.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Returns the canonical URL when it may be opened outside the app, or null (R6): https only, written in
 * lower case, a host in the allowlist, no userinfo, no explicit port, no control characters or spaces.
 */
export function externalUrlOrNull(raw: unknown, allowlist: readonly string[] = EXTERNAL_HOSTS): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || CONTROL.test(raw) || raw.includes(' ') || raw.includes('\\')) return null;
  if (!raw.startsWith('https://')) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return null;
  if (!allowlist.includes(u.hostname)) return null;
  return u.href;
}

/** Opens a link in the system browser only when externalUrlOrNull allows it; the one caller of shell.openExternal. */
export async function openExternalSafe(raw: unknown, allowlist: readonly string[] = EXTERNAL_HOSTS): Promise<boolean> {
  const url = externalUrlOrNull(raw, allowlist);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
}
