import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CSP } from '#shared/security/csp';

/** Headers sent with every asset and API response, in Electron's protocol handler and the browser-mode server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Content types of the files the renderer build contains. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The content type for a file, by extension. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null (R8). Refuses "..", encoded separators and dots,
 * backslashes, NUL, absolute paths and symlinks that lead out of the root. "/" serves index.html.
 */
export function resolveAsset(urlPath: string, root: string): string | null {
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/')) return null;
  const pathOnly = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (/%2f|%5c|%2e|%00/i.test(pathOnly)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.startsWith('//')) return null;
  const parts = decoded.split('/').slice(1);
  if (parts.some((p) => p === '..' || p === '.')) return null;
  const relativePath = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (isAbsolute(relativePath)) return null;
  const realRoot = realPathOrNull(root);
  if (realRoot === null) return null;
  const candidate = resolve(realRoot, relativePath);
  if (!existsSync(candidate)) return null;
  const real = realPathOrNull(candidate);
  if (real === null) return null;
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return statSync(real).isFile() ? real : null;
}

/** A path with its links resolved, or null where it cannot be resolved (gone, or a broken link). */
function realPathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
