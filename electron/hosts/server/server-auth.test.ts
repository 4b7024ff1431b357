import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '#shared/security/csp';
import { startHarness, rawRequest, goodPostHeaders, type Harness, type RawResponse } from '../test/server-harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.dispose();
});

const bearer = (): Record<string, string> => ({ Authorization: `Bearer ${h.server.token}` });

/** Listening sockets on a port in a /proc/net/tcp{,6} table, as their local-address hex. */
function listeners(table: string, port: number): string[] {
  let text: string;
  try {
    text = readFileSync(table, 'utf8');
  } catch {
    return [];
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A')
    .map((cols) => cols[1]?.split(':')[0] ?? '');
}

function expectNoCors(res: RawResponse): void {
  expect(Object.keys(res.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
}

describe('the browser-mode server binding (R29)', () => {
  it('listens on 127.0.0.1 and nowhere else', () => {
    expect(h.server.address).toBe('127.0.0.1');
    expect(h.server.origin).toBe(`http://127.0.0.1:${h.server.port}`);
    // 0100007F is 127.0.0.1 in /proc's little-endian hex; a wildcard listener would show 00000000 or a tcp6 row.
    expect(listeners('/proc/net/tcp', h.server.port)).toEqual(['0100007F']);
    expect(listeners('/proc/net/tcp6', h.server.port)).toEqual([]);
  });
});

describe('the per-launch token (R31)', () => {
  it('generates a fresh 256-bit URL-safe token and puts it only in the launch URL', () => {
    expect(h.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.server.url).toBe(`${h.server.origin}/?token=${h.server.token}`);
  });

  it('refuses a browser without the token with a script-free page that points at the terminal', async () => {
    const res = await rawRequest(h.server.port, { path: '/' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('URL printed in the terminal');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toContain(h.server.token);
  });

  it('refuses the API and the event stream without the token', async () => {
    const invoke = await rawRequest(h.server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { ...goodPostHeaders(h.server), Authorization: '' },
      body: '{"channel":"app/info"}',
    });
    expect(invoke.status).toBe(401);
    expect(JSON.parse(invoke.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await rawRequest(h.server.port, { path: '/api/events' })).status).toBe(401);
    expect((await rawRequest(h.server.port, { path: '/assets/app.js' })).status).toBe(401);
  });

  it('refuses wrong tokens of other lengths with 401 and keeps serving', async () => {
    for (const wrong of ['x', `${h.server.token}x`, h.server.token.slice(1), '']) {
      expect((await rawRequest(h.server.port, { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
      expect((await rawRequest(h.server.port, { headers: { Cookie: `swb_token_${h.server.port}=${wrong}` } })).status).toBe(401);
      expect((await rawRequest(h.server.port, { path: `/?token=${encodeURIComponent(wrong)}` })).status).toBe(401);
    }
    expect((await rawRequest(h.server.port, { headers: { Cookie: `swb_token_${h.server.port}=caf\u00e9` } })).status).toBe(401);
    expect((await rawRequest(h.server.port, { headers: bearer() })).status).toBe(200);
  });

  it('refuses a wrong token of the right length', async () => {
    const wrong = h.server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await rawRequest(h.server.port, { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
  });

  it('trades the launch token for an HttpOnly SameSite=Strict cookie and redirects to a token-free /', async () => {
    const res = await rawRequest(h.server.port, { path: `/?token=${h.server.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    const [pair, ...attrs] = cookie.split(';').map((p) => p.trim());
    expect(pair).toBe(`swb_token_${h.server.port}=${h.server.token}`);
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attrs.some((a) => /^(Domain|SameSite=(Lax|None))/i.test(a))).toBe(false);
    const page = await rawRequest(h.server.port, { path: '/', headers: { Cookie: pair ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>SLO Workbench</title>');
  });

  it('accepts the token as a Bearer header on static files and the API', async () => {
    const asset = await rawRequest(h.server.port, { path: '/assets/app.js', headers: bearer() });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    const info = await rawRequest(h.server.port, { method: 'POST', path: '/api/invoke', headers: goodPostHeaders(h.server), body: '{"channel":"app/info"}' });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { host: 'browser', version: 'test', fileAccess: 'folder' } });
  });

  it('refuses the old token after a restart on the same port', async () => {
    const first = await startHarness();
    const { port, token: oldToken } = first.server;
    await first.dispose();
    const second = await startHarness({ port });
    try {
      expect(second.server.port).toBe(port);
      expect(second.server.token).not.toBe(oldToken);
      expect((await rawRequest(port, { headers: { Authorization: `Bearer ${oldToken}` } })).status).toBe(401);
      expect((await rawRequest(port, { headers: { Cookie: `swb_token_${port}=${oldToken}` } })).status).toBe(401);
      expect((await rawRequest(port, { path: `/?token=${oldToken}` })).status).toBe(401);
      expect((await rawRequest(port, { headers: { Authorization: `Bearer ${second.server.token}` } })).status).toBe(200);
    } finally {
      await second.dispose();
    }
  });
});

describe('the Host-header allowlist (R30)', () => {
  const forged = (port: number): [string, string | null][] => [
    ['evil.test', `evil.test:${port}`],
    ['a nip.io rebinding name', `127.0.0.1.nip.io:${port}`],
    ['localhost.evil', `localhost.evil:${port}`],
    ['the right name with another port', `127.0.0.1:${port + 1}`],
    ['the right name without a port', '127.0.0.1'],
    ['an empty Host', ''],
    ['no Host at all', null],
  ];

  it('answers forged or missing Hosts with 421 on static files, the API and the event stream, even with the token', async () => {
    for (const [label, host] of forged(h.server.port)) {
      const stat = await rawRequest(h.server.port, { host, path: '/', headers: bearer() });
      const api = await rawRequest(h.server.port, {
        host,
        method: 'POST',
        path: '/api/invoke',
        headers: { ...goodPostHeaders(h.server), Origin: `http://${host ?? ''}` },
        body: '{"channel":"app/info"}',
      });
      const events = await rawRequest(h.server.port, { host, path: '/api/events', headers: bearer() });
      const launch = await rawRequest(h.server.port, { host, path: `/?token=${h.server.token}` });
      expect([label, stat.status, api.status, events.status, launch.status]).toEqual([label, 421, 421, 421, 421]);
      expect(launch.headers['set-cookie']).toBeUndefined();
      expect(stat.body).not.toContain('SLO Workbench</title>');
    }
  });

  it('accepts 127.0.0.1, localhost and [::1] with the right port, in any case', async () => {
    for (const host of [`127.0.0.1:${h.server.port}`, `LocalHost:${h.server.port}`, `[::1]:${h.server.port}`]) {
      expect((await rawRequest(h.server.port, { host, headers: bearer() })).status).toBe(200);
    }
  });
});

describe('response headers (R9, R31, R32)', () => {
  it('sends the CSP and the no-store, no-referrer headers and never a CORS header, whatever the outcome', async () => {
    const responses = [
      await rawRequest(h.server.port, { headers: bearer() }),
      await rawRequest(h.server.port, { path: '/assets/app.js', headers: bearer() }),
      await rawRequest(h.server.port, { path: '/missing.js', headers: bearer() }),
      await rawRequest(h.server.port, { path: '/' }),
      await rawRequest(h.server.port, { host: 'evil.test' }),
      await rawRequest(h.server.port, { path: `/?token=${h.server.token}` }),
      await rawRequest(h.server.port, { method: 'POST', path: '/api/invoke', headers: goodPostHeaders(h.server), body: '{"channel":"app/info"}' }),
      await rawRequest(h.server.port, {
        method: 'POST',
        path: '/api/invoke',
        headers: { ...goodPostHeaders(h.server), Origin: 'http://evil.test' },
        body: '{}',
      }),
      await rawRequest(h.server.port, {
        method: 'OPTIONS',
        path: '/api/invoke',
        headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-slo-workbench' },
      }),
    ];
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expectNoCors(res);
    }
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 401, 421, 302, 200, 403, 401]);
  });
});
