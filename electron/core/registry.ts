import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { CHANNELS, DIALOG_CHANNELS, type ArgsIn, type CoreChannel, type ResultOf } from '#shared/ipc/contract';
import { AppFailure, fail, ok, type Result } from '#shared/ipc/errors';
import type { EventMap, EventName } from '#shared/ipc/events';
import { validateArgs } from '#shared/ipc/validate';
import type { CoreOptions, Handler, HandlerContext, HandlerMap } from './context';
import { catalogHandlers } from './handlers/catalog';
import { editHandlers } from './handlers/edit';
import { analysisHandlers } from './handlers/analysis';
import { exclusionHandlers } from './handlers/exclusions';
import { importHandlers } from './handlers/import';
import { reliabilityHandlers } from './handlers/reliability';
import { exportHandlers } from './handlers/export';
import { specImportHandlers } from './handlers/spec-import';
import { reviewHandlers } from './handlers/review';
import { simulationHandlers } from './handlers/simulation';
import { workspaceHandlers } from './handlers/workspace';
import { relativeInFolder } from './services/folder-paths';
import { ImportJobs } from './services/import-jobs';
import { SettingsStore } from './services/settings-store';
import { SimulationJobs } from './services/simulation-jobs';
import { WorkspaceSession } from './services/workspace-session';

// A missing or misspelt handler fails to compile here.
const handlers: HandlerMap<CoreChannel> = {
  ...workspaceHandlers,
  ...catalogHandlers,
  ...reliabilityHandlers,
  ...importHandlers,
  ...analysisHandlers,
  ...exclusionHandlers,
  ...simulationHandlers,
  ...reviewHandlers,
  ...exportHandlers,
  ...specImportHandlers,
  ...editHandlers,
};

/** Channels the core answers (everything but the native dialogs, which Electron's main process owns). */
export const CORE_CHANNELS: readonly CoreChannel[] = CHANNELS.filter((c): c is CoreChannel => !(DIALOG_CHANNELS as readonly string[]).includes(c));

/** Maps storage and unexpected failures to stable error codes; nothing escapes as an exception. */
export function toAppError(error: unknown): Result<never> {
  if (error instanceof AppFailure) return { ok: false, error: error.error };
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return fail('STORAGE_FULL', `The disk is full; nothing was saved (${message})`);
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return fail('IO_ERROR', `The disk reported an error; nothing was saved (${message})`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return fail('BUSY', 'The workspace is locked by another program; try again');
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return fail('READ_ONLY', `The file cannot be written (${message})`);
  if (code === 'ENOENT') return fail('FILE_NOT_FOUND', `File or folder not found (${message})`);
  if (code.startsWith('SQLITE_CONSTRAINT')) return fail('CONFLICT', `The change conflicts with what is stored (${message})`);
  return fail('INTERNAL', `Unexpected error: ${message}`);
}

/** The core as every host sees it: validated commands in, results as data out, events pushed. */
export type Core = {
  /** Runs a command given untrusted input; always resolves to a result. */
  invoke(channel: unknown, rawArgs: unknown): Promise<Result<unknown>>;
  /** The same, typed, for hosts' own calls. */
  call<C extends CoreChannel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  readonly channels: readonly CoreChannel[];
  readonly session: WorkspaceSession;
  dispose(): void;
};

/** Builds a core for one host: one open workspace, one undo history, one settings file. */
export function createCore(options: CoreOptions): Core {
  const emitter = new EventEmitter();
  const folder = options.folder;
  // Browser mode names workspaces relative to its folder (one opened from the command line outside it, by name).
  const session = new WorkspaceSession(options.now, folder ? (path) => relativeInFolder(folder, path) ?? basename(path) : undefined);
  const ctx: HandlerContext = {
    options,
    session,
    settings: new SettingsStore(options.settingsDir),
    jobs: new ImportJobs((payload) => emitter.emit('import-progress', payload)),
    simulations: new SimulationJobs((payload) => emitter.emit('simulation-progress', payload), options.now),
    now: options.now ?? Date.now,
    emit: (event, payload) => emitter.emit(event, payload),
  };

  async function invoke(channel: unknown, rawArgs: unknown): Promise<Result<unknown>> {
    if (typeof channel === 'string' && (DIALOG_CHANNELS as readonly string[]).includes(channel)) {
      return fail('FORBIDDEN', `"${channel}" is answered by the desktop app only`);
    }
    const args = validateArgs(channel, rawArgs);
    if (!args.ok) return args;
    const handler = handlers[channel as CoreChannel] as Handler<CoreChannel>;
    try {
      return ok(await handler(args.value as never, ctx));
    } catch (error) {
      return toAppError(error);
    }
  }

  return {
    invoke,
    call: (channel, args) => invoke(channel, args) as never,
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    channels: CORE_CHANNELS,
    session,
    dispose: () => session.close(),
  };
}
