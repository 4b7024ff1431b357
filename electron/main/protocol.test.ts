import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CSP } from '#shared/security/csp';
import { app, protocol, resetElectronDouble } from '../test/electron-double';
import { handleAppProtocol, registerAppScheme, serveAppRequest } from './protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'swb-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>SLO Workbench</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => resetElectronDouble());

// A plain object rather than a Request: Node's Request refuses URLs with credentials, Chromium may not.
const get = (url: string, method = 'GET') => serveAppRequest({ url, method } as Request, root);

describe('the app: protocol (R8)', () => {
  it('serves index.html with the CSP, nosniff and its content type', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>SLO Workbench</title>');
  });

  it('serves scripts as JavaScript and answers HEAD without a body', async () => {
    expect((await get('app://bundle/assets/index.js')).headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const head = await get('app://bundle/assets/index.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://bundle/missing.js',
    'app://bundle/../secret.txt',
    'app://bundle/assets/%2e%2e/%2e%2e/secret.txt',
    'app://bundle/assets%2f..%2f..%2fsecret.txt',
    'app://bundle/assets/leak.txt',
    'app://bundle.evil/index.html',
    'app://bundle@evil/index.html',
    'app://bundle:99/index.html',
  ])('answers 404 with the security headers for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });

  it('registers app: as a standard, secure scheme before ready and handles it after', async () => {
    registerAppScheme();
    expect(protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    app.fireReady();
    handleAppProtocol(root);
    const handler = protocol.handlers.get('app');
    expect((await handler?.(new Request('app://bundle/index.html')))?.status).toBe(200);
  });
});
