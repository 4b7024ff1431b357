import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '#shared/ipc/errors';
import { SECURITY_HEADERS } from '../assets';

/** Writes a complete response with the security headers (R9, R31) plus the given ones; never any CORS header. */
export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Length': String(data.length) });
  res.end(res.req?.method === 'HEAD' ? undefined : data);
}

/** Writes a JSON body. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

/** Writes a plain-text body. */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  send(res, status, text, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
}

/**
 * Answers a request that broke the HTTP protocol (not a command error, which is data with status 200) with
 * the same envelope as a command result, so clients parse one shape.
 */
export function sendProtocolError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/** The page a browser sees without the token: no script, just where to find the launch link. */
export const UNAUTHORIZED_PAGE = [
  '<!doctype html>',
  '<html lang="en"><head><meta charset="utf-8"><title>SLO Workbench: open the launch link</title></head>',
  '<body><h1>SLO Workbench</h1>',
  '<p>This page needs the access token of the running server.</p>',
  '<p>Open the URL printed in the terminal where <code>slo-workbench serve</code> is running',
  ' (it looks like <code>http://127.0.0.1:PORT/?token=…</code>). A restarted server prints a new one.</p>',
  '</body></html>',
  '',
].join('\n');

/** Writes the 401 page for browsers, or a JSON error for API clients; `headers` are added (e.g. Connection: close). */
export function sendUnauthorized(res: ServerResponse, pathname: string, headers: Record<string, string> = {}): void {
  if (pathname.startsWith('/api/')) {
    sendProtocolError(res, 401, 'FORBIDDEN', 'Missing or wrong access token: open the URL printed by "slo-workbench serve"', headers);
  } else if (pathname === '/' || pathname === '/index.html') {
    send(res, 401, UNAUTHORIZED_PAGE, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  } else {
    sendText(res, 401, 'Missing or wrong access token: open the URL printed in the terminal.\n', headers);
  }
}
