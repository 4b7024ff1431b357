import { isAbsolute } from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-url';

/**
 * The options of every window (R1): sandboxed, context-isolated, no Node anywhere, web security on, and
 * the bundled preload by absolute path. Pure, so a deep-equality test pins it.
 */
export function buildWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  if (!isAbsolute(preloadPath)) throw new Error(`The preload path must be absolute, got "${preloadPath}"`);
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'SLO Workbench',
    backgroundColor: '#111418',
    show: false,
    // One setting a line on purpose: window-factory.test.ts lists them again to assert each one (R1).
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** Opens a window on app://bundle/index.html; the only `new BrowserWindow` in the code base. */
export function createWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`SLO Workbench could not load its UI: ${error instanceof Error ? error.message : String(error)}`);
    // A window that never shows would look like a hang; show Chromium's error page instead.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
