// R32 (and R30 in a real browser): a page on another loopback origin attacks the API while Chromium holds
// the app's cookie. Runs Debian's Chromium through Playwright's library API, inside vitest.
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from './server';
import { invokeHttp, serviceNames, startHarness, type Harness } from '../test/server-harness';

const CHROMIUM = '/usr/bin/chromium';
const ATTACK_PAGE = '<!doctype html><html><head><title>attacker</title></head><body><p>totally harmless</p></body></html>';

let h: Harness;
let attacker: Server;
let attackerOrigin: string;
let browser: Browser;
const seen: RequestLogEntry[] = [];

beforeAll(async () => {
  h = await startHarness({ observe: (entry) => seen.push(entry) });
  await invokeHttp(h.server, 'workspace/create', { path: 'target' });
  await invokeHttp(h.server, 'service/create', { name: 'baseline' });
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(ATTACK_PAGE);
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // evil.test resolves to loopback inside this browser only: a DNS-rebinding stand-in that sends no traffic anywhere else.
      args: ['--no-sandbox', '--host-resolver-rules=MAP evil.test 127.0.0.1'],
    });
  }
}, 30_000);

afterAll(async () => {
  await browser?.close();
  attacker.closeAllConnections();
  await new Promise<void>((r) => attacker.close(() => r()));
  await h.dispose();
});

type Outcome = { status?: number; type?: string; text?: string; error?: string };

/** True when the page learnt nothing: a network error, or an opaque response with no status and no body. */
function isUnreadable(o: Outcome): boolean {
  return (o.error !== undefined && /TypeError/.test(o.error)) || (o.type === 'opaque' && o.status === 0 && o.text === '');
}

describe.skipIf(!existsSync(CHROMIUM))('an attacker page in the same browser (R32)', () => {
  it('can neither change the workspace nor read the API, even though the browser holds the token cookie', async () => {
    const context = await browser.newContext();
    const app = await context.newPage();
    const launch = await app.goto(h.server.url);
    expect(launch?.status()).toBe(200);
    // The token left the address bar, and the cookie now authenticates same-origin calls (a positive control).
    expect(app.url()).toBe(`${h.server.origin}/`);
    const cookies = await context.cookies(h.server.origin);
    expect(cookies.find((c) => c.name === `swb_token_${h.server.port}`)).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const control = await app.evaluate(async () => {
      const r = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SLO-Workbench': '1' },
        body: JSON.stringify({ channel: 'catalog/list', args: {} }),
      });
      return (await r.json()) as { ok: boolean; value: { name: string }[] };
    });
    expect(control).toMatchObject({ ok: true, value: [{ name: 'baseline' }] });

    const evil = await context.newPage();
    await evil.goto(`${attackerOrigin}/`);
    const attackStart = seen.length;
    const outcomes = await evil.evaluate(async (target: string): Promise<Record<string, Outcome>> => {
      const out: Record<string, Outcome> = {};
      const body = (name: string) => JSON.stringify({ channel: 'service/create', args: { name } });
      const attempt = async (key: string, run: () => Promise<Response>) => {
        try {
          const r = await run();
          out[key] = { status: r.status, type: r.type, text: await r.text() };
        } catch (error) {
          out[key] = { error: String(error) };
        }
      };
      await attempt('noCorsPost', () =>
        fetch(`${target}/api/invoke`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: body('pwned-no-cors'),
        }),
      );
      await attempt('corsPost', () =>
        fetch(`${target}/api/invoke`, {
          method: 'POST',
          mode: 'cors',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'X-SLO-Workbench': '1' },
          body: body('pwned-cors'),
        }),
      );
      await attempt('corsSimplePost', () =>
        fetch(`${target}/api/invoke`, {
          method: 'POST',
          mode: 'cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: body('pwned-simple'),
        }),
      );
      await attempt('readInvoke', () => fetch(`${target}/api/invoke`, { credentials: 'include' }));
      await attempt('readEvents', () => fetch(`${target}/api/events`, { credentials: 'include' }));
      await attempt('noCorsEvents', () => fetch(`${target}/api/events`, { mode: 'no-cors', credentials: 'include' }));
      await attempt('readIndex', () => fetch(`${target}/`, { credentials: 'include' }));
      out.eventSource = await new Promise<Outcome>((resolve) => {
        const es = new EventSource(`${target}/api/events`, { withCredentials: true });
        const done = (text: string) => {
          es.close();
          resolve({ text });
        };
        es.onopen = () => done('open');
        es.onerror = () => done('error');
        setTimeout(() => done('timeout'), 3000);
      });
      // A classic CSRF form: text/plain lets the attacker shape the body into JSON.
      out.form = await new Promise<Outcome>((resolve) => {
        const frame = document.createElement('iframe');
        frame.name = 'sink';
        document.body.append(frame);
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = `${target}/api/invoke`;
        form.enctype = 'text/plain';
        form.target = 'sink';
        const input = document.createElement('input');
        input.name = '{"channel":"service/create","args":{"name":"pwned-form","pad":"';
        input.value = '"}}';
        form.append(input);
        document.body.append(form);
        const timer = setTimeout(() => resolve({ text: 'timeout' }), 3000);
        frame.onload = () => {
          clearTimeout(timer);
          let readable: string;
          try {
            readable = frame.contentDocument?.body?.innerText ?? 'unreadable';
          } catch {
            readable = 'unreadable';
          }
          resolve({ text: readable });
        };
        form.submit();
      });
      return out;
    }, h.server.origin);

    // A no-cors response is at best opaque (Chromium drops it entirely because of Cross-Origin-Resource-Policy).
    for (const key of ['noCorsPost', 'noCorsEvents'] as const) {
      expect([key, outcomes[key]]).toEqual([key, expect.toSatisfy(isUnreadable)]);
    }
    // CORS requests fail outright because the server never sends CORS headers.
    for (const key of ['corsPost', 'corsSimplePost', 'readInvoke', 'readEvents', 'readIndex'] as const) {
      expect([key, outcomes[key]?.error]).toEqual([key, expect.stringMatching(/TypeError/)]);
    }
    expect(outcomes.eventSource?.text).toBe('error');
    expect(outcomes.form?.text).toBe('unreadable');
    expect(JSON.stringify(outcomes)).not.toContain('baseline');
    // The attacks did reach the server with the cookie, and the server (not just the browser) refused them.
    const attack = seen.slice(attackStart);
    const posts = attack.filter((e) => e.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(posts.every((e) => e.authorized && e.origin === attackerOrigin && e.status === 403)).toBe(true);
    expect(attack.filter((e) => e.path === '/api/events').map((e) => e.status)).toEqual(expect.arrayContaining([403]));
    expect(attack.filter((e) => e.path.startsWith('/api/') && e.status === 200)).toEqual([]);
    // The ground truth: the workspace holds exactly what it held before the attack.
    expect(await serviceNames(h.core)).toEqual(['baseline']);
    await context.close();
  });

  it('answers a DNS-rebound name with 421, so a page on evil.test cannot read the app', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`http://evil.test:${h.server.port}/?token=${h.server.token}`);
    expect(res?.status()).toBe(421);
    expect(await context.cookies(`http://evil.test:${h.server.port}`)).toEqual([]);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SLO-Workbench': '1' },
        body: JSON.stringify({ channel: 'service/create', args: { name: 'pwned-rebind' } }),
      });
      return { status: r.status, text: await r.text() };
    });
    expect(api.status).toBe(421);
    expect(api.text).not.toContain('baseline');
    expect(await serviceNames(h.core)).toEqual(['baseline']);
    await context.close();
  });
});
