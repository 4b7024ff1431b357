// Helpers shared by the browser-mode server tests: a real core in a temp folder and raw HTTP on 127.0.0.1.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../core/registry';
import { resolveInFolder } from '../../core/services/folder-paths';
import { startServer, type RunningServer, type ServerOptions } from '../server/server';

/** A response as raw HTTP delivered it. */
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request to send; `host: null` sends no Host header at all, a string forges one. */
export type RawRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  host?: string | null;
};

/** Sends one request to 127.0.0.1 with full control over the headers (fetch would refuse a forged Host). */
export function rawRequest(port: number, req: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.host !== null) headers.Host = req.host ?? `127.0.0.1:${port}`;
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  return new Promise((resolvePromise, reject) => {
    const r = request({ host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path ?? '/', headers, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** The headers a well-behaved same-origin client sends on POST /api/invoke. */
export function goodPostHeaders(server: RunningServer): Record<string, string> {
  return {
    Authorization: `Bearer ${server.token}`,
    'Content-Type': 'application/json',
    Origin: server.origin,
    'X-SLO-Workbench': '1',
  };
}

/** Calls a channel over HTTP exactly as the renderer's client does and returns the parsed envelope. */
export async function invokeHttp(server: RunningServer, channel: string, args: unknown = {}): Promise<{ status: number; json: unknown }> {
  const res = await rawRequest(server.port, { method: 'POST', path: '/api/invoke', headers: goodPostHeaders(server), body: JSON.stringify({ channel, args }) });
  return { status: res.status, json: JSON.parse(res.body) as unknown };
}

/** Names of the services in the open workspace, read through the core directly (the ground truth). */
export async function serviceNames(core: Core): Promise<string[]> {
  const r = await core.call('catalog/list', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.map((s) => s.name).sort();
}

/** A running server over a real core, with its temp folders. */
export type Harness = { server: RunningServer; core: Core; base: string; folder: string; distDir: string; dispose(): Promise<void> };

/**
 * Starts a real core confined to a temp folder (as serve.ts does) and a server in front of it.
 * `built: false` leaves out index.html, as before `npm run build:renderer`; `prepare` runs before the core starts
 * (to lay out files and the settings it reads at start).
 */
export async function startHarness(
  options: {
    built?: boolean;
    wrapCore?: (core: Core) => Core;
    prepare?: (dirs: { base: string; folder: string; settingsDir: string }) => void;
  } & Partial<Pick<ServerOptions, 'heartbeatMs' | 'port' | 'token' | 'observe'>> = {},
): Promise<Harness> {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'swb-server-')));
  const folder = join(base, 'folder');
  const distDir = join(base, 'dist');
  mkdirSync(folder);
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  if (options.built !== false) {
    writeFileSync(
      join(distDir, 'index.html'),
      '<!doctype html><html><head><title>SLO Workbench</title><script type="module" src="/assets/app.js"></script></head><body>app</body></html>',
    );
  }
  writeFileSync(join(distDir, 'assets', 'app.js'), 'export {};\n');
  writeFileSync(join(base, 'secret.txt'), 'outside the dist folder');
  options.prepare?.({ base, folder, settingsDir: join(base, 'settings') });
  const core = createCore({
    host: 'browser',
    version: 'test',
    settingsDir: join(base, 'settings'),
    folder,
    resolvePath: (p, purpose) => resolveInFolder(folder, p, { addExtension: purpose !== 'open' }),
  });
  const served = options.wrapCore ? options.wrapCore(core) : core;
  const { built: _b, wrapCore: _w, prepare: _p, ...serverOptions } = options;
  const server = await startServer({ core: served, distDir, ...serverOptions });
  return {
    server,
    core,
    base,
    folder,
    distDir,
    async dispose() {
      await server.close();
      core.dispose();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
