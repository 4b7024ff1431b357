/** The privileged scheme the UI is served from (R8). */
export const APP_SCHEME = 'app';

/** The only host of the app scheme. */
export const APP_HOST = 'bundle';

/** Where every window starts. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs of our own bundle: scheme `app:`, host exactly `bundle` (no port), no userinfo (R4, R5).
 * Never compare `.origin`: Node's URL gives "null" for every custom-scheme URL, `app://bundle.evil/` included.
 */
export function isAppUrl(u: URL): boolean {
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** Parses a URL string and applies isAppUrl; anything unparsable is not ours. */
export function isAppUrlString(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    return isAppUrl(new URL(raw));
  } catch {
    return false;
  }
}
