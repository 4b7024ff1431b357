import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '#shared/ipc/events';
import type { Core } from '../../core/registry';
import { MAX_BODY_BYTES } from './api';
import { goodPostHeaders, invokeHttp, rawRequest, serviceNames, startHarness, type Harness } from '../test/server-harness';

let h: Harness;
let activeListeners = 0;

/** Counts live core subscriptions so the tests can see the event stream let go of them. */
function countingCore(core: Core): Core {
  return {
    ...core,
    invoke: core.invoke,
    call: core.call,
    session: core.session,
    on(event, listener) {
      activeListeners += 1;
      const off = core.on(event, listener);
      return () => {
        activeListeners -= 1;
        off();
      };
    },
  };
}

beforeAll(async () => {
  h = await startHarness({ wrapCore: countingCore, heartbeatMs: 100 });
  const created = await invokeHttp(h.server, 'workspace/create', { path: 'team' });
  expect(created.json).toMatchObject({ ok: true });
  await invokeHttp(h.server, 'service/create', { name: 'baseline' });
});

afterAll(async () => {
  await h.dispose();
});

const post = (headers: Record<string, string>, body = JSON.stringify({ channel: 'service/create', args: { name: 'forged' } })) =>
  rawRequest(h.server.port, { method: 'POST', path: '/api/invoke', headers, body });

describe('CSRF defences on POST /api/invoke (R32)', () => {
  afterEach(async () => {
    // Whatever a refused request said, it changed nothing.
    expect(await serviceNames(h.core)).not.toContain('forged');
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const res = await post({ ...goodPostHeaders(h.server), 'Content-Type': type });
      expect([type, res.status]).toEqual([type, 415]);
    }
    const none = { ...goodPostHeaders(h.server) };
    delete (none as Record<string, string | undefined>)['Content-Type'];
    expect((await post(none)).status).toBe(415);
  });

  it('refuses a missing, foreign or null Origin with 403', async () => {
    const { Origin: _o, ...noOrigin } = goodPostHeaders(h.server);
    expect((await post(noOrigin)).status).toBe(403);
    for (const origin of [
      `http://127.0.0.1:${h.server.port + 1}`,
      'http://evil.test',
      'null',
      `https://127.0.0.1:${h.server.port}`,
      `http://localhost:${h.server.port}`,
    ]) {
      const res = await post({ ...goodPostHeaders(h.server), Origin: origin });
      expect([origin, res.status]).toEqual([origin, 403]);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses a request without the X-SLO-Workbench header with 403', async () => {
    const { 'X-SLO-Workbench': _x, ...noHeader } = goodPostHeaders(h.server);
    expect((await post(noHeader)).status).toBe(403);
    expect((await post({ ...noHeader, 'X-SLO-Workbench': '0' })).status).toBe(403);
  });

  it('refuses a request the browser marks as cross-site or same-site with 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await post({ ...goodPostHeaders(h.server), 'Sec-Fetch-Site': site })).status).toBe(403);
    }
  });

  it('accepts the Origin that matches the Host the client used', async () => {
    const res = await rawRequest(h.server.port, {
      method: 'POST',
      path: '/api/invoke',
      host: `localhost:${h.server.port}`,
      headers: { ...goodPostHeaders(h.server), Origin: `http://localhost:${h.server.port}`, 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ channel: 'app/info', args: {} }),
    });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/invoke protocol', () => {
  it('answers malformed JSON with 400 and a JSON error', async () => {
    for (const body of ['{"channel":', 'not json', '[]', '"app/info"', '{"args":{}}', 'null']) {
      const res = await post(goodPostHeaders(h.server), body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('refuses a body over the size cap with 413 before reading it', async () => {
    const res = await new Promise<number>((resolvePromise, reject) => {
      const r = request(
        {
          host: '127.0.0.1',
          port: h.server.port,
          method: 'POST',
          path: '/api/invoke',
          agent: false,
          headers: { ...goodPostHeaders(h.server), Host: `127.0.0.1:${h.server.port}`, 'Content-Length': String(MAX_BODY_BYTES + 1) },
        },
        (response) => {
          resolvePromise(response.statusCode ?? 0);
          response.resume();
          r.destroy();
        },
      );
      r.on('error', reject);
      r.write('{"channel":"service/create","args":{"name":"');
    });
    expect(res).toBe(413);
  });

  it('refuses a streamed body over the size cap with 413', async () => {
    const huge = JSON.stringify({ channel: 'service/create', args: { name: 'forged', description: 'x'.repeat(MAX_BODY_BYTES) } });
    const res = await post(goodPostHeaders(h.server), huge);
    expect(res.status).toBe(413);
  });

  it('returns command errors as data with status 200', async () => {
    const unknown = await invokeHttp(h.server, 'nope/nothing');
    expect(unknown).toMatchObject({ status: 200, json: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    const invalid = await invokeHttp(h.server, 'service/create', { name: 42 });
    expect(invalid).toMatchObject({ status: 200, json: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
  });

  it('refuses the native-dialog channels, which only the desktop app answers', async () => {
    for (const channel of ['workspace/create-dialog', 'workspace/open-dialog', 'workspace/save-as-dialog']) {
      expect(await invokeHttp(h.server, channel)).toMatchObject({ status: 200, json: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
  });

  it('answers other methods and unknown API paths with 405 and 404', async () => {
    expect((await rawRequest(h.server.port, { path: '/api/invoke', headers: goodPostHeaders(h.server) })).status).toBe(405);
    expect((await rawRequest(h.server.port, { method: 'POST', path: '/api/events', headers: goodPostHeaders(h.server), body: '{}' })).status).toBe(405);
    expect((await rawRequest(h.server.port, { path: '/api/other', headers: goodPostHeaders(h.server) })).status).toBe(404);
  });
});

describe('a journey over HTTP', () => {
  it('creates a workspace by name in the folder, adds a service and lists it', async () => {
    const created = await invokeHttp(h.server, 'workspace/create', { path: 'journey' });
    expect(created).toMatchObject({ status: 200, json: { ok: true, value: { workspace: { name: 'journey.slowb', location: 'journey.slowb' } } } });
    expect(existsSync(join(h.folder, 'journey.slowb'))).toBe(true);
    expect(await invokeHttp(h.server, 'service/create', { name: 'checkout', owner: 'payments' })).toMatchObject({
      json: { ok: true, value: { name: 'checkout' } },
    });
    const list = await invokeHttp(h.server, 'catalog/list');
    expect(list).toMatchObject({ status: 200, json: { ok: true, value: [{ name: 'checkout', owner: 'payments' }] } });
    const folder = await invokeHttp(h.server, 'workspace/list-folder', {});
    expect(folder.json).toMatchObject({
      ok: true,
      value: { entries: expect.arrayContaining([expect.objectContaining({ name: 'journey.slowb', kind: 'workspace' })]) },
    });
    await invokeHttp(h.server, 'workspace/open', { path: 'team.slowb' });
  });

  it('refuses workspace paths that leave the folder with UNSAFE_PATH and creates nothing outside', async () => {
    const before = readdirSync(h.base).sort();
    for (const [channel, path] of [
      ['workspace/create', '../escape.slowb'],
      ['workspace/create', join(h.base, 'absolute.slowb')],
      ['workspace/create', 'sub/../../escape2'],
      ['workspace/create', '..\\escape3'],
      ['workspace/open', '/etc/passwd'],
      ['workspace/save-as', '../escape4'],
    ] as const) {
      const res = await invokeHttp(h.server, channel, { path });
      expect([channel, path, res.status, res.json]).toMatchObject([channel, path, 200, { ok: false, error: { code: 'UNSAFE_PATH' } }]);
    }
    expect(readdirSync(h.base).sort()).toEqual(before);
    expect(existsSync(join(h.base, 'escape.slowb'))).toBe(false);
    expect(existsSync(join(h.base, 'absolute.slowb'))).toBe(false);
  });
});

describe('static files', () => {
  it('serves only files inside the renderer build and 404s the rest', async () => {
    const auth = { Authorization: `Bearer ${h.server.token}` };
    expect((await rawRequest(h.server.port, { path: '/assets/app.js', headers: auth })).body).toBe('export {};\n');
    for (const path of ['/missing.js', '/../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets']) {
      const res = await rawRequest(h.server.port, { path, headers: auth });
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).not.toContain('outside the dist folder');
    }
    expect((await rawRequest(h.server.port, { method: 'DELETE', path: '/', headers: auth })).status).toBe(405);
  });

  it('explains how to build the renderer when index.html is missing', async () => {
    const bare = await startHarness({ built: false });
    try {
      const res = await rawRequest(bare.server.port, { headers: { Authorization: `Bearer ${bare.server.token}` } });
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run build:renderer');
      expect(res.body).not.toMatch(/<script/i);
    } finally {
      await bare.dispose();
    }
  });
});

describe('GET /api/events', () => {
  /** Opens the event stream and collects its text until `until` matches or the stream ends. */
  function openStream(headers: Record<string, string>) {
    let text = '';
    let status = 0;
    const waiters: (() => void)[] = [];
    const req = request({
      host: '127.0.0.1',
      port: h.server.port,
      path: '/api/events',
      agent: false,
      headers: { Host: `127.0.0.1:${h.server.port}`, ...headers },
    });
    const ready = new Promise<void>((resolvePromise, reject) => {
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const w of waiters) w();
        });
        resolvePromise();
      });
      req.on('error', reject);
    });
    req.end();
    const until = (pattern: RegExp) =>
      new Promise<string>((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in ${JSON.stringify(text)}`)), 5000);
        const check = () => {
          if (pattern.test(text)) {
            clearTimeout(timer);
            resolvePromise(text);
          }
        };
        waiters.push(check);
        check();
      });
    return { ready, until, status: () => status, close: () => req.destroy() };
  }

  async function eventually(check: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  }

  it('streams catalog-changed as a Server-Sent Event after an edit, with heartbeats, and drops its listeners on disconnect', async () => {
    const baseline = activeListeners;
    const stream = openStream({ Authorization: `Bearer ${h.server.token}` });
    await stream.ready;
    expect(stream.status()).toBe(200);
    await stream.until(/: connected\n\n/);
    expect(activeListeners).toBe(baseline + EVENT_NAMES.length);
    await invokeHttp(h.server, 'service/create', { name: 'streamed' });
    const text = await stream.until(/event: catalog-changed\n/);
    expect(text).toContain('event: catalog-changed\ndata: {"reason":"edit"}\n\n');
    await stream.until(/: heartbeat\n\n/);
    stream.close();
    await eventually(() => activeListeners === baseline);
  });

  it('ends open event streams when the server closes, instead of hanging the shutdown', async () => {
    const other = await startHarness();
    const ended = new Promise<string>((resolvePromise, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: other.server.port,
          path: '/api/events',
          agent: false,
          headers: { Host: `127.0.0.1:${other.server.port}`, Authorization: `Bearer ${other.server.token}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            if (text.includes(': connected')) void other.dispose();
          });
          res.on('end', () => resolvePromise(text));
          res.on('error', () => resolvePromise(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await ended).toContain(': connected');
  });

  it('refuses an event stream requested from another origin', async () => {
    const cases: Record<string, string>[] = [
      { Origin: 'http://evil.test' },
      { Origin: `http://127.0.0.1:${h.server.port + 1}` },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of cases) {
      const res = await rawRequest(h.server.port, { path: '/api/events', headers: { Authorization: `Bearer ${h.server.token}`, ...headers } });
      expect(res.status).toBe(403);
    }
  });
});
