import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Core } from '../../core/registry';
import { contentTypeOf, resolveAsset, SECURITY_HEADERS } from '../assets';
import { handleInvoke } from './api';
import { EventStreams } from './event-stream';
import { allowedHosts, checkHost, fetchSiteAllowed, hasBody, isAuthorized, originMatches, repeatedHeader, tokenCookie, tokenMatches } from './guards';
import { send, sendProtocolError, sendText, sendUnauthorized } from './responses';

/** The one address the server ever binds (R29): other machines cannot reach it. */
export const BIND_ADDRESS = '127.0.0.1';

/** What `startServer` needs: the core to serve, the renderer build, and optionally a fixed port or token. */
export type ServerOptions = {
  core: Core;
  distDir: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** A fixed token (tests); by default a fresh 256-bit token per launch (R31). */
  token?: string;
  /** Interval of the event stream's keep-alive comments. */
  heartbeatMs?: number;
  /** Called after each response with its method, path (never the query, which may hold the token) and status. */
  observe?: (entry: RequestLogEntry) => void;
};

/** One answered request, as `observe` sees it. */
export type RequestLogEntry = { method: string; path: string; status: number; origin: string | null; authorized: boolean };

/** A running browser-mode server. */
export type RunningServer = {
  /** The launch URL, with the token; print it once, never log it elsewhere. */
  url: string;
  /** `http://127.0.0.1:PORT`, the only origin allowed to call the API. */
  origin: string;
  port: number;
  /** The address actually bound, from the socket itself (R29: always 127.0.0.1). */
  address: string;
  token: string;
  /** Ends the event streams, stops listening and drops every connection; the core stays open. */
  close(): Promise<void>;
};

/** Splits a raw request target into its path and query without resolving it against any host. */
function splitTarget(target: string): { pathname: string; query: URLSearchParams } {
  const hash = target.indexOf('#');
  const noHash = hash < 0 ? target : target.slice(0, hash);
  const q = noHash.indexOf('?');
  return {
    pathname: q < 0 ? noHash : noHash.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : noHash.slice(q + 1)),
  };
}

const NOT_BUILT =
  'The renderer is not built, so there is nothing to show yet.\n' + 'Run `npm run build:renderer` in the SLO Workbench folder, then reload this page.\n';

/** Serves one file of the renderer build, or 404; `/` without a build explains what to do. */
function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, distDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  if ((pathname === '/' || pathname === '/index.html') && !existsSync(join(distDir, 'index.html'))) {
    sendText(res, 503, NOT_BUILT);
    return;
  }
  const file = resolveAsset(req.url ?? '', distDir);
  if (!file) {
    sendText(res, 404, 'Not found\n');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(statSync(file).size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Starts the browser-mode server on 127.0.0.1 (R29–R32) in front of an existing core. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, distDir } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (token.length < 16 || !/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('The access token must be at least 16 URL-safe characters');
  const streams = new EventStreams(core, options.heartbeatMs);
  let allowed: ReadonlySet<string> = new Set();
  let boundPort = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const repeated = repeatedHeader(req.rawHeaders);
    if (repeated) {
      sendText(res, 400, `Bad request: more than one ${repeated} header.\n`, { Connection: 'close' });
      return;
    }
    // R30: the Host check comes before anything else, so a rebound DNS name gets nothing, not even a 401.
    const host = checkHost(req.headers, allowed);
    if (!host) {
      sendText(
        res,
        421,
        'Misdirected request: this server answers only to 127.0.0.1, localhost or [::1] with its own port.\n',
        hasBody(req.headers) ? { Connection: 'close' } : {},
      );
      return;
    }
    const { pathname, query } = splitTarget(req.url ?? '/');
    if ((req.method === 'GET' || req.method === 'HEAD') && query.has('token')) {
      if (!tokenMatches(query.get('token') ?? undefined, token)) {
        sendUnauthorized(res, pathname);
        return;
      }
      // Trade the launch token for a cookie and drop it from the address bar and history.
      send(res, 302, '', { Location: '/', 'Set-Cookie': tokenCookie(token, boundPort) });
      return;
    }
    if (!isAuthorized(req.headers, token, boundPort)) {
      // Refused before its body is read: the connection closes after the 401 instead of draining what follows.
      sendUnauthorized(res, pathname, hasBody(req.headers) ? { Connection: 'close' } : {});
      return;
    }
    if (pathname === '/api/invoke') {
      if (req.method !== 'POST') sendProtocolError(res, 405, 'INVALID_ARGUMENT', 'Use POST for /api/invoke', { Allow: 'POST' });
      else await handleInvoke(req, res, core, host);
      return;
    }
    if (pathname === '/api/events') {
      if (req.method !== 'GET') {
        sendProtocolError(res, 405, 'INVALID_ARGUMENT', 'Use GET for /api/events', { Allow: 'GET' });
      } else if (!fetchSiteAllowed(req.headers) || (req.headers.origin !== undefined && !originMatches(req.headers, host))) {
        sendProtocolError(res, 403, 'FORBIDDEN', 'Cross-origin event streams are refused');
      } else {
        streams.attach(res, { ...SECURITY_HEADERS });
      }
      return;
    }
    if (pathname.startsWith('/api/')) {
      sendProtocolError(res, 404, 'NOT_FOUND', `There is no API endpoint ${pathname.slice(0, 100)}`);
      return;
    }
    serveStatic(req, res, pathname, distDir);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (options.observe) {
      const observe = options.observe;
      res.on('finish', () =>
        observe({
          method: req.method ?? '',
          path: splitTarget(req.url ?? '').pathname,
          status: res.statusCode,
          origin: req.headers.origin ?? null,
          authorized: isAuthorized(req.headers, token, boundPort),
        }),
      );
    }
    route(req, res).catch(() => {
      // Never echo the error: it could carry request data. The client sees a plain 500.
      if (!res.headersSent) sendProtocolError(res, 500, 'INTERNAL', 'The server failed to answer this request');
      else res.destroy();
    });
  }

  // requireHostHeader is off so that a missing Host gets our 421 rather than Node's generic 400.
  const server = createServer({ requireHostHeader: false }, handle);
  // "Expect: 100-continue": the body is invited only from a request that will be read; others get their refusal first.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!repeatedHeader(req.rawHeaders) && checkHost(req.headers, allowed) && isAuthorized(req.headers, token, boundPort)) res.writeContinue();
    handle(req, res);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    // R29: the host is always passed; without it Node would listen on every interface.
    server.listen({ port: options.port ?? 0, host: BIND_ADDRESS, exclusive: true }, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  allowed = allowedHosts(port);
  boundPort = port;
  const origin = `http://${BIND_ADDRESS}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    address,
    token,
    close() {
      closing ??= new Promise<void>((resolvePromise) => {
        streams.closeAll();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
