// The test double of the 'electron' module (R38): vitest aliases 'electron' here, so main and preload code
// runs in plain Node without the Electron binary. It records what the code under test asked Electron to do,
// and enforces the ordering rules real Electron enforces (sandbox and schemes before ready, windows after).
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeEvent, FakeSession, FakeWebContents } from './fake-web-contents';

export { fakeEvent, fakeFrame, FakeSession, FakeWebContents, type FakeEvent, type FakeFrame } from './fake-web-contents';

/** Ordered log of lifecycle calls, such as 'app.enableSandbox' and 'app.ready', for ordering assertions. */
export const callLog: string[] = [];

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  singleInstanceLock = true;
  appPath = process.cwd();
  version = '0.0.0-test';
  quitCount = 0;
  readonly paths = new Map<string, string>();
  private ready = false;
  private readyPromise!: Promise<void>;
  private resolveReady!: () => void;

  constructor() {
    super();
    this.resetReady();
  }

  resetReady(): void {
    this.ready = false;
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    callLog.push('app.enableSandbox');
    this.sandboxEnabled = true;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Test helper: makes the app ready, emitting 'ready' and resolving whenReady(). */
  fireReady(): void {
    if (this.ready) return;
    this.ready = true;
    callLog.push('app.ready');
    this.emit('ready', fakeEvent(), {});
    this.resolveReady();
  }

  getPath(name: string): string {
    return this.paths.get(name) ?? join(tmpdir(), 'slo-workbench-electron-double', name);
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return this.version;
  }

  requestSingleInstanceLock(): boolean {
    callLog.push('app.requestSingleInstanceLock');
    return this.singleInstanceLock;
  }

  quit(): void {
    callLog.push('app.quit');
    this.quitCount++;
  }

  exit(code = 0): void {
    callLog.push(`app.exit(${code})`);
  }

  focus(): void {}
}

/** The fake `app`. */
export const app = new FakeApp();

/** The fake `session` module; `defaultSession` is one recording FakeSession. */
export const session = { defaultSession: new FakeSession() };

/** Every BrowserWindow constructed since the last reset, in order. */
export const createdWindows: BrowserWindow[] = [];

/** A window recording its constructor options and the URLs it loaded; its webContents is announced on `app`. */
export class BrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  destroyed = false;
  visible = false;
  minimized = false;
  focused = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.webContents = new FakeWebContents(session.defaultSession);
    createdWindows.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return createdWindows.filter((w) => !w.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return createdWindows.find((w) => w.focused && !w.destroyed) ?? null;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return createdWindows.find((w) => w.webContents === contents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Test helper: calls a captured handler as a renderer's invoke would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

/** The fake `ipcMain`, capturing `handle` registrations. */
export const ipcMain = new FakeIpcMain();

type SchemePrivileges = { scheme: string; privileges?: Record<string, boolean> };

/** The fake `protocol`: privileged schemes must be registered before ready, handlers are captured. */
export const protocol = {
  privilegedSchemes: [] as SchemePrivileges[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: SchemePrivileges[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    callLog.push('protocol.registerSchemesAsPrivileged');
    protocol.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.isReady()) throw new Error('protocol.handle should be called after app is ready');
    protocol.handlers.set(scheme, handler);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocol.handlers.has(scheme);
  },
};

type SaveAnswer = { canceled: boolean; filePath?: string };
type OpenAnswer = { canceled: boolean; filePaths: string[] };

/** The fake `dialog`; every dialog is cancelled unless a test replaces the method (vi.spyOn works). */
export const dialog = {
  showSaveDialog: (..._args: unknown[]): Promise<SaveAnswer> => Promise.resolve({ canceled: true }),
  showOpenDialog: (..._args: unknown[]): Promise<OpenAnswer> => Promise.resolve({ canceled: true, filePaths: [] }),
  showMessageBox: (..._args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> => Promise.resolve({ response: 0, checkboxChecked: false }),
  showErrorBox: (..._args: unknown[]): void => {},
};

/** A built menu: just its template. */
export type FakeMenu = { template: unknown[] };

/** The fake `Menu`: buildFromTemplate keeps the template, setApplicationMenu records the menu. */
export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate(template: unknown[]): FakeMenu {
    return { template };
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    Menu.applicationMenu = menu;
  },
  getApplicationMenu(): FakeMenu | null {
    return Menu.applicationMenu;
  },
};

/** The fake `shell`: records the URLs it was asked to open. */
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

/** The fake `contextBridge`: records what the preload exposes, refusing a key exposed twice. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  reply: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve().then(() => this.reply(channel, ...args));
  }
}

/** The fake `ipcRenderer`: records invokes, answers with `reply`, and emits pushed messages as (event, ...args). */
export const ipcRenderer = new FakeIpcRenderer();

/** Puts every fake back to its initial state; call in beforeEach. */
export function resetElectronDouble(): void {
  callLog.length = 0;
  app.removeAllListeners();
  app.resetReady();
  app.isPackaged = false;
  app.sandboxEnabled = false;
  app.singleInstanceLock = true;
  app.appPath = process.cwd();
  app.version = '0.0.0-test';
  app.quitCount = 0;
  app.paths.clear();
  session.defaultSession = new FakeSession();
  createdWindows.length = 0;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  Menu.applicationMenu = null;
  shell.opened.length = 0;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.reply = () => ({ ok: true, value: null });
}

/** The module's default export, for `import electron from 'electron'`. */
export default { app, session, BrowserWindow, ipcMain, protocol, dialog, Menu, shell, contextBridge, ipcRenderer };
