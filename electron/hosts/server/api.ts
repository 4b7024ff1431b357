import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core/registry';
import { browserRefusal } from './browser-channels';
import { CSRF_HEADER, fetchSiteAllowed, isJsonContentType, originMatches } from './guards';
import { sendJson, sendProtocolError } from './responses';

/** The largest request body the API reads (a command's arguments are small; imports will stream elsewhere). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body, or reports that it is larger than the limit without buffering the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > limit) {
        settled = true;
        req.off('data', onData);
        // Keep draining (and discarding) so the 413 reaches the client instead of a reset connection.
        req.resume();
        resolvePromise('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!settled) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}

/**
 * Checks the CSRF defences of a state-changing request (R32): the browser says it is same-origin, the Origin
 * is the server's own, the custom header is present and the body is JSON. Returns false after answering.
 */
export function checkUnsafeRequest(req: IncomingMessage, res: ServerResponse, host: string): boolean {
  if (!fetchSiteAllowed(req.headers) || !originMatches(req.headers, host)) {
    sendProtocolError(res, 403, 'FORBIDDEN', "Cross-origin requests are refused: the Origin header must be this server's origin");
    return false;
  }
  if (req.headers[CSRF_HEADER] !== '1') {
    sendProtocolError(res, 403, 'FORBIDDEN', `State-changing requests need the header "X-SLO-Workbench: 1"`);
    return false;
  }
  if (!isJsonContentType(req.headers)) {
    sendProtocolError(res, 415, 'INVALID_ARGUMENT', 'The request body must be sent as Content-Type: application/json');
    return false;
  }
  return true;
}

/** Answers `POST /api/invoke` with `{ channel, args }`: the core's result as JSON, status 200 even for errors. */
export async function handleInvoke(req: IncomingMessage, res: ServerResponse, core: Core, host: string): Promise<void> {
  if (!checkUnsafeRequest(req, res, host)) return;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    sendProtocolError(res, 413, 'INVALID_ARGUMENT', `The request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' });
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too-large') {
    sendProtocolError(res, 413, 'INVALID_ARGUMENT', `The request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' });
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    sendProtocolError(res, 400, 'INVALID_ARGUMENT', `The request body is not valid JSON (${(error as Error).message})`);
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { channel?: unknown }).channel !== 'string') {
    sendProtocolError(res, 400, 'INVALID_ARGUMENT', 'The request body must be a JSON object { "channel": string, "args": object }');
    return;
  }
  const { channel, args } = parsed as { channel: string; args?: unknown };
  // The contract's hosts decide what the page may call; validation and path confinement happen in the core, as over IPC (R33).
  const result = browserRefusal(channel, args) ?? (await core.invoke(channel, args === undefined ? {} : args));
  if (!res.destroyed) sendJson(res, 200, result);
}
