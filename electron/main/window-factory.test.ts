import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, createdWindows, resetElectronDouble } from '../test/electron-double';
import { buildWindowOptions, createWindow } from './window-factory';

const PRELOAD = '/opt/slo-workbench/resources/app.asar/dist/electron/preload/index.cjs';

beforeEach(() => resetElectronDouble());
afterEach(() => vi.restoreAllMocks());

describe('the window factory (R1)', () => {
  it('locks every webPreference', () => {
    expect(buildWindowOptions(PRELOAD)).toEqual({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      title: 'SLO Workbench',
      backgroundColor: '#111418',
      show: false,
      webPreferences: {
        preload: PRELOAD,
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
    });
  });

  it('never enables Blink features', () => {
    expect(Object.keys(buildWindowOptions(PRELOAD).webPreferences ?? {})).not.toContain('enableBlinkFeatures');
  });

  it('refuses a relative preload path', () => {
    expect(() => buildWindowOptions('dist/electron/preload/index.cjs')).toThrow(/absolute/);
  });

  it('gives the new window exactly the factory output and loads app://bundle/index.html', () => {
    app.fireReady();
    const window = createWindow(PRELOAD) as unknown as BrowserWindow;
    expect(createdWindows).toEqual([window]);
    expect(window.options).toEqual(buildWindowOptions(PRELOAD));
    expect(window.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });
});

describe('a window whose UI fails to load', () => {
  it('is shown anyway rather than staying invisible', async () => {
    app.fireReady();
    vi.spyOn(BrowserWindow.prototype, 'loadURL').mockRejectedValue(new Error('ERR_FILE_NOT_FOUND'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = createWindow(PRELOAD) as unknown as BrowserWindow;
    await new Promise((r) => setTimeout(r, 0));
    expect(window.visible).toBe(true);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not load its UI: ERR_FILE_NOT_FOUND/));
  });
});
