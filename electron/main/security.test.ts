import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { app, fakeEvent, FakeSession, FakeWebContents, resetElectronDouble, session, shell } from '../test/electron-double';
import { isAppUrl, isAppUrlString } from './app-url';
import { denyAllPermissions, guardWebContents, installSecurity, mayNavigate } from './security';

const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

const HOSTILE = [
  'https://example.com.attacker.com',
  'https://evil.test/',
  'app://bundle.evil/',
  'app://bundle@evil/',
  'app://user:pass@bundle/index.html',
  'app://bundle:8080/index.html',
  'app://bundle%2eevil/',
  'app:bundle/index.html',
  'app:///index.html',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://bundle/0c4b4a4e-1b0b-4c9e-8f59-0d7f6b1e6a11',
  'about:blank',
  'http://127.0.0.1:5173/',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'HTTPS://EVIL.TEST/',
  'APP://BUNDLE.EVIL/',
  'app://BUNDLE.evil/',
  '\tfile:///etc/passwd',
  'app://bundle\t.evil/',
  'app://bundle\n.evil/',
  '',
  'not a url',
];

function guarded(): FakeWebContents {
  const contents = new FakeWebContents(new FakeSession());
  guardWebContents(contents as never);
  return contents;
}

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = fakeEvent({ url });
  contents.emit(eventName, event, url);
  return event.defaultPrevented;
}

beforeEach(() => resetElectronDouble());

describe('isAppUrl', () => {
  it('accepts the bundle entry and its assets', () => {
    expect(isAppUrl(new URL('app://bundle/index.html'))).toBe(true);
    expect(isAppUrl(new URL('app://bundle/assets/index-abc.js?x=1#y'))).toBe(true);
  });

  it('denies app://bundle.evil/ even though its .origin is "null", the same as the app\'s', () => {
    expect(new URL('app://bundle.evil/').origin).toBe(new URL('app://bundle/index.html').origin);
    expect(isAppUrlString('app://bundle.evil/')).toBe(false);
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isAppUrlString(url)).toBe(false);
  });

  it('never accepts a web URL, whatever it is', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => !mayNavigate(url)),
      { seed: 38, numRuns: 300 },
    );
  });

  it('accepts a string only when the parsed URL is ours', () => {
    const candidates = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.string().map((s) => `app://${s}`),
      fc.string().map((s) => `app://bundle${s}`),
    );
    fc.assert(
      fc.property(candidates, (raw) => {
        if (!isAppUrlString(raw)) return true;
        const u = new URL(raw);
        return u.protocol === 'app:' && u.host === 'bundle' && u.username === '' && u.password === '';
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('navigation guards', () => {
  it.each(NAVIGATION_EVENTS)('lets %s stay inside app://bundle', (eventName) => {
    expect(navigate(guarded(), eventName, 'app://bundle/index.html#/services')).toBe(false);
  });

  for (const eventName of NAVIGATION_EVENTS) {
    it.each(HOSTILE)(`prevents ${eventName} to %j`, (url) => {
      expect(navigate(guarded(), eventName, url)).toBe(true);
    });
  }

  it('prevents navigation when the target is missing from the event', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every window.open and opens only allowlisted https links outside the app', async () => {
    const contents = guarded();
    const open = (url: string) => contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' });
    expect(open('https://openslo.com/spec')).toEqual({ action: 'deny' });
    expect(open('https://evil.test/')).toEqual({ action: 'deny' });
    expect(open('app://bundle/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(shell.opened).toEqual(['https://openslo.com/spec']);
  });

  it('prevents every webview from attaching', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every webContents the app creates', () => {
    installSecurity();
    const contents = new FakeWebContents(new FakeSession());
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(navigate(contents, 'will-navigate', 'https://evil.test/')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('enables the sandbox before ready', () => {
    installSecurity();
    expect(app.sandboxEnabled).toBe(true);
    expect(app.isReady()).toBe(false);
  });
});

/** Every permission name of Electron's own union type, read from electron.d.ts so new ones are covered. */
function electronPermissionNames(): string[] {
  const dts = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8');
  const signature = /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+(?:, [^,]+)*?), callback:/.exec(dts);
  const union = signature?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('permissions', () => {
  const names = electronPermissionNames();

  it('reads the permission names from electron.d.ts', () => {
    expect(names).toEqual(expect.arrayContaining(['media', 'geolocation', 'notifications', 'midi', 'hid', 'serial', 'openExternal']));
    expect(names.length).toBeGreaterThan(20);
  });

  it('refuses every permission request and check', () => {
    const ses = new FakeSession();
    denyAllPermissions(ses as never);
    for (const permission of names) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler?.({}, permission, (g) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'app://bundle', {}), permission).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('denies permissions on the default session once ready and on every session created later', async () => {
    installSecurity();
    app.fireReady();
    await app.whenReady();
    await Promise.resolve();
    expect(session.defaultSession.permissionCheckHandler?.({}, 'media', '', {})).toBe(false);
    const later = new FakeSession();
    app.emit('session-created', later);
    expect(later.permissionCheckHandler?.({}, 'notifications', '', {})).toBe(false);
  });
});
