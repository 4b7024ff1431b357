// Fakes of Electron's per-page objects (events, frames, sessions, webContents) for the 'electron' test double.
import { EventEmitter } from 'node:events';

/** An event object with a working preventDefault, like the ones Electron passes to listeners. */
export type FakeEvent = { defaultPrevented: boolean; preventDefault(): void; [key: string]: unknown };

/** Builds an event object carrying extra fields (for example `url`). */
export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  const event: FakeEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A frame as IPC events report it: a URL and a parent (null for a main frame). */
export type FakeFrame = { url: string; parent: FakeFrame | null; top: FakeFrame | null };

/** Builds a main frame, or a subframe of `parent`. */
export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  const frame: FakeFrame = { url, parent, top: null };
  frame.top = parent ? (parent.top ?? parent) : frame;
  return frame;
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

/** A session recording the permission handlers installed on it. */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

/** A webContents: an EventEmitter that records what is sent to its page. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session: FakeSession;
  readonly mainFrame = fakeFrame('app://bundle/index.html');
  readonly sent: unknown[][] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  constructor(ses: FakeSession) {
    super();
    this.session = ses;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }
}
