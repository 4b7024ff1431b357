import { resolve } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/registry';
import { setNativeBinding } from '../core/storage/db';
import { installIpcRouter } from './ipc-router';
import { appFiles, electronNativeBinding, workspaceFromArgv } from './launch';
import { createMenuActions, installMenu, reportMenuResult } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { installSecurity } from './security';
import { createWindow } from './window-factory';

/** What a started app holds; returned so tests can drive it. */
export type RunningApp = { core: Core; window: BrowserWindow; openWorkspace(path: string): Promise<void> };

/** The launch facts startApp reads from the process; tests pass their own. */
export type LaunchInfo = { argv: readonly string[]; cwd: string; platform: NodeJS.Platform };

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}

/**
 * Starts the desktop app: guards and the app: scheme before `ready`, then the core, the protocol, IPC, the
 * menu and the first window; opens a workspace passed on the command line or by the OS. Null when another
 * instance already runs (it receives our arguments instead).
 */
export async function startApp(launch: LaunchInfo = { argv: process.argv, cwd: process.cwd(), platform: process.platform }): Promise<RunningApp | null> {
  installSecurity();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let running: RunningApp | null = null;
  const pending: string[] = [];
  const initial = workspaceFromArgv(launch.argv, launch.cwd);
  if (initial) pending.push(initial);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (running) void running.openWorkspace(path);
    else pending.push(path);
  });

  await app.whenReady();
  const root = app.getAppPath();
  setNativeBinding(electronNativeBinding(root));
  const files = appFiles(root);
  const core = createCore({ host: 'electron', version: app.getVersion(), settingsDir: app.getPath('userData'), resolvePath: (p) => resolve(p) });
  handleAppProtocol(files.renderer);
  installIpcRouter(core);
  await installMenu(core, createMenuActions(core), launch.platform);

  const openWorkspace = async (path: string) => reportMenuResult(await core.call('workspace/open', { path }));
  running = { core, window: createWindow(files.preload), openWorkspace };

  app.on('second-instance', (_event, argv, cwd) => {
    const path = workspaceFromArgv(argv, cwd);
    if (path) void openWorkspace(path);
    const window = BrowserWindow.getAllWindows()[0] ?? createWindow(files.preload);
    focus(window);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(files.preload);
  });
  app.on('window-all-closed', () => {
    if (launch.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core.dispose());

  const last = pending.at(-1);
  if (last) await openWorkspace(last);
  return running;
}
