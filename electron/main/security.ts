import { app, session, type Session, type WebContents } from 'electron';
import { isAppUrlString } from './app-url';
import { openExternalSafe } from './open-external';

type Preventable = { preventDefault(): void; url?: string };

/** The decision for a navigation, frame navigation or redirect target: only our own bundle (R5). */
export function mayNavigate(url: unknown): boolean {
  return isAppUrlString(url);
}

/** Navigation events whose target arrives as `details.url` (Electron ≥ 25) and, for older listeners, as the second argument. */
const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

/**
 * Locks one webContents down (R5): navigation and redirects stay inside app://bundle, every window.open is
 * denied (allowed https links go to the system browser through openExternalSafe), and webviews never attach.
 */
export function guardWebContents(contents: WebContents): void {
  for (const name of NAVIGATION_EVENTS) {
    (contents as unknown as { on(e: string, l: (details: Preventable, url?: unknown) => void): void }).on(name, (details, url) => {
      const target = details && typeof details.url === 'string' ? details.url : url;
      if (!mayNavigate(target)) details.preventDefault();
    });
  }
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafe(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Refuses every permission request and check on a session (R7): the app needs no device or web permission. */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Installs the process-wide guards; call before `ready` (R1, R5, R7). Enables the sandbox for every renderer,
 * guards each webContents as it is created, and denies permissions on every session, the default one included.
 */
export function installSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', (ses) => denyAllPermissions(ses));
  void app.whenReady().then(() => denyAllPermissions(session.defaultSession));
}
