import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DIALOG_CHANNELS, fileArgOf, isChannel, refusalFor } from '#shared/ipc/contract';
import { fail, ok, type Result } from '#shared/ipc/errors';
import { EVENT_NAMES, type EventName } from '#shared/ipc/events';
import { validateArgs } from '#shared/ipc/validate';
import type { Core } from '../core/registry';
import { IPC_EVENT, IPC_INVOKE } from '../preload/ipc-names';
import { isAppUrl } from './app-url';
import { runDialogCommand, type DialogChannel } from './dialogs';
import { pickedPath } from './picked-files';

/** The sender facts the wrapper inspects; a subset of IpcMainInvokeEvent so tests can build one. */
export type CommandEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** A command body: runs only after the wrapper has accepted the sender. */
export type CommandBody = (event: CommandEvent, ...args: unknown[]) => Promise<Result<unknown>>;

const wrappedCommands = new WeakSet<object>();

/**
 * Accepts a message only from the main frame of a page on app://bundle (R4). The URL is parsed and compared
 * by parts with isAppUrl; `.origin` is never used because every custom-scheme origin is "null".
 */
export function checkSender(event: Partial<CommandEvent> | null | undefined): Result<void> {
  const frame = event?.senderFrame;
  if (!frame) return fail('FORBIDDEN', 'The sending frame is gone');
  if (frame.parent !== null) return fail('FORBIDDEN', 'Only the app window itself may send commands, not a frame inside it');
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return fail('FORBIDDEN', 'The sender has no valid address');
  }
  return isAppUrl(url) ? ok(undefined) : fail('FORBIDDEN', 'Commands are accepted only from the app itself');
}

/**
 * The one way to register an IPC handler (R4): the sender is checked before the body runs, and whatever
 * happens the caller receives a result envelope; nothing is ever thrown back across IPC.
 */
export function registerCommand(channel: string, body: CommandBody): void {
  const handler = async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    try {
      const sender = checkSender(event);
      if (!sender.ok) return sender;
      return await body(event, ...args);
    } catch (error) {
      return fail('INTERNAL', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  wrappedCommands.add(handler);
  ipcMain.handle(channel, handler);
}

/** True when an ipcMain handler was installed by registerCommand (the R4 test enumerates them). */
export function isRegisteredCommand(handler: unknown): boolean {
  return typeof handler === 'function' && wrappedCommands.has(handler);
}

const dialogChannels: readonly unknown[] = DIALOG_CHANNELS;

/**
 * Routes one accepted command: channels the contract does not offer Electron's page are refused (it picks files
 * through dialogs), a file argument must be a reference the file dialog handed out, the arguments are validated
 * before anything runs, dialog channels open native dialogs, the rest go to the core.
 */
export async function routeCommand(core: Core, channel: unknown, rawArgs: unknown, parent: BrowserWindow | null): Promise<Result<unknown>> {
  const refusal = refusalFor('electron', channel);
  if (refusal) return refusal;
  if (isChannel(channel) && fileArgOf(channel) === 'path') {
    // A history file to import may only be one the user picked in the native dialog: its reference is swapped for the path.
    const path = pickedPath((rawArgs as { path?: unknown } | null)?.path);
    if (path === null) return fail('FORBIDDEN', 'The desktop app imports only files chosen in its own file dialog');
    return core.invoke(channel, { ...(rawArgs as object), path });
  }
  const args = validateArgs(channel, rawArgs);
  if (!args.ok) return args;
  if (dialogChannels.includes(channel)) return runDialogCommand(channel as DialogChannel, core, parent, args.value);
  return core.invoke(channel, rawArgs);
}

/** Sends a core event to every open window's page. */
export function broadcastEvent(name: EventName, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    window.webContents.send(IPC_EVENT, name, payload);
  }
}

/** Connects the core to IPC: the checked command channel in, every core event out to all windows. Returns an uninstaller. */
export function installIpcRouter(core: Core): () => void {
  registerCommand(IPC_INVOKE, (event, channel, args) => routeCommand(core, channel, args, BrowserWindow.fromWebContents(event.sender)));
  const unsubscribes = EVENT_NAMES.map((name) => core.on(name, (payload) => broadcastEvent(name, payload)));
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
