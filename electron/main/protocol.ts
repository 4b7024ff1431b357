import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, resolveAsset, SECURITY_HEADERS } from '../hosts/assets';
import { APP_SCHEME, isAppUrl } from './app-url';

/**
 * Declares app: as a standard, secure scheme; must run before `ready` (R8). Standard gives it real hosts and
 * relative URLs, secure makes it a secure context; nothing else (no CORS bypass, no service workers).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one app: request from the renderer build in `root` (R8): only GET/HEAD on app://bundle, files
 * resolved by resolveAsset, every response with the CSP and nosniff headers, 404 for anything unknown.
 */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(404, 'Not found');
  }
  if (!isAppUrl(url)) return plain(404, 'Not found');
  const file = resolveAsset(url.pathname, root);
  if (file === null) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(body.length) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** Serves the renderer build from `root` on app://bundle; call after `ready`. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}
