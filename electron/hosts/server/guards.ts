import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Name of the cookie that carries the per-launch token after the launch URL was opened (R31). Cookies ignore
 * ports, so the name carries the port: two servers on 127.0.0.1 then never overwrite each other's session.
 */
export function tokenCookieName(port: number): string {
  return `swb_token_${port}`;
}

/** The custom header every state-changing request must carry (R32); a cross-origin form cannot send it. */
export const CSRF_HEADER = 'x-slo-workbench';

/** Host header values the server answers to, lower-cased: loopback names with the exact port (R30). */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * The Host header, lower-cased, when it is one of the allowed loopback names with our port; otherwise null.
 * This is the DNS-rebinding defence: a page on evil.test resolved to 127.0.0.1 still sends `Host: evil.test:PORT`.
 */
export function checkHost(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): string | null {
  const raw = headers.host;
  if (typeof raw !== 'string' || raw === '') return null;
  const host = raw.toLowerCase();
  return allowed.has(host) ? host : null;
}

/**
 * Headers a request may carry once only. Node keeps the first of several and drops the rest, so a second Host,
 * Origin or Authorization would be judged by a value the sender may not have meant: such a request is refused.
 */
export const SINGLE_HEADERS = ['Host', 'Origin', 'Authorization'] as const;

/** The first of SINGLE_HEADERS that the raw request repeats, or null. */
export function repeatedHeader(rawHeaders: readonly string[]): (typeof SINGLE_HEADERS)[number] | null {
  const counts = new Map<string, number>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return SINGLE_HEADERS.find((h) => (counts.get(h.toLowerCase()) ?? 0) > 1) ?? null;
}

/** True when the request says a body follows (a length above zero, or chunked). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

/** Compares a presented token with the real one in constant time; any other length is simply unequal. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(token, 'utf8');
  // timingSafeEqual throws on different lengths; the length of a random token is no secret.
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function readBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** True when the request carries the token in the cookie or in a Bearer header. */
export function isAuthorized(headers: IncomingHttpHeaders, token: string, port: number): boolean {
  return tokenMatches(readCookie(headers.cookie, tokenCookieName(port)), token) || tokenMatches(readBearer(headers.authorization), token);
}

/** The Set-Cookie value that stores the token: script-proof, never sent cross-site, for the whole app. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** True when the Origin header is exactly the origin of the Host the request was sent to. */
export function originMatches(headers: IncomingHttpHeaders, host: string): boolean {
  const origin = headers.origin;
  return typeof origin === 'string' && origin.toLowerCase() === `http://${host}`;
}

/** True when the Content-Type is JSON (R32: forms can only send urlencoded, multipart or text/plain). */
export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'];
  if (typeof type !== 'string') return false;
  return (type.split(';', 1)[0] ?? '').trim().toLowerCase() === 'application/json';
}

/**
 * False when the browser says the request comes from another site or origin (Fetch Metadata); browsers that
 * do not send the header leave the decision to the Origin check.
 */
export function fetchSiteAllowed(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
