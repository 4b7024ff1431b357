import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ArgsIn, ChannelFor, CoreChannel, ResultOf, WorkspaceInfo } from '#shared/ipc/contract';
import { AppFailure, type Result } from '#shared/ipc/errors';
import { createCore, type Core } from '../../core/registry';
import type { JsonDocument } from './json-output';

/** Where the CLI reads and writes: its output streams (one call per line or JSON document), environment and working directory. */
export type CliIo = {
  stdout(line: string): void;
  stderr(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Stops a running `serve`; without it, serve stops on SIGINT or SIGTERM. */
  stopSignal?: AbortSignal;
};

/**
 * What every command needs: the streams and the version it reports to the core. `exitCode` is set by a command whose
 * printed report is a failure for scripts (`review status` with a review overdue): the run exits with it.
 */
export type CliContext = { io: CliIo; version: string; exitCode?: 1 };

/** What a command produced: the --json document, the lines people read, and 1 when the report means failure (printed all the same). */
export type CommandOutput = { json: JsonDocument; text: string[]; exitCode?: 1 };

/** The settings folder (recent workspaces): $SLO_WORKBENCH_HOME, else $XDG_CONFIG_HOME/slo-workbench, else ~/.config/slo-workbench. */
export function settingsDirFor(io: CliIo): string {
  const own = io.env.SLO_WORKBENCH_HOME;
  if (own) return resolve(io.cwd, own);
  const xdg = io.env.XDG_CONFIG_HOME;
  if (xdg) return join(resolve(io.cwd, xdg), 'slo-workbench');
  return join(io.env.HOME || homedir(), '.config', 'slo-workbench');
}

/** Maps the core's field names to the command-line option or argument a person typed. */
export type OptionLabels = Readonly<Record<string, string>>;

const DEFAULT_LABELS: OptionLabels = {
  targetPpm: '--target',
  window: '--window',
  'window.days': '--window',
  'window.timeZone': '--window',
  method: '--method',
  tier: '--tier',
  kind: '--kind',
  latencyThresholdMs: '--threshold-ms',
  service: '--service',
  sli: '--sli',
};

/** Throws a refusal the CLI reports as `error: <message> [option]`; `field` uses the core's names so JSON details match the UI's. */
export function refuse(code: AppFailure['error']['code'], message: string, field: string, option: string): never {
  throw new AppFailure(code, message, { field, option });
}

/** Turns a failed core result into an AppFailure that also names the option it concerns. */
export function unwrap<T>(result: Result<T>, labels: OptionLabels = {}): T {
  if (result.ok) return result.value;
  const { code, message, details } = result.error;
  const field = details?.field;
  const option = (field !== undefined ? (labels[field] ?? DEFAULT_LABELS[field]) : undefined) ?? labels['*'];
  throw new AppFailure(code, message, option === undefined ? details : { ...details, option });
}

/** The channels the contract offers the command line (and the core answers). */
export type CliChannel = ChannelFor<'cli'> & CoreChannel;

/** A core for one CLI run: typed calls, on the channels the contract offers the CLI, whose failures become AppFailures naming the CLI option. */
export type CliCore = {
  call<C extends CliChannel>(channel: C, args: ArgsIn<C>, labels?: OptionLabels): Promise<ResultOf<C>>;
};

/** Builds a core for one command, runs `fn` with it and always closes the workspace afterwards. */
export async function withCore<T>(ctx: CliContext, fn: (core: CliCore) => Promise<T>): Promise<T> {
  let core: Core;
  try {
    core = createCore({
      host: 'cli',
      version: ctx.version,
      settingsDir: settingsDirFor(ctx.io),
      resolvePath: (p) => resolve(ctx.io.cwd, p),
    });
  } catch (error) {
    throw new AppFailure('IO_ERROR', `The settings folder ${settingsDirFor(ctx.io)} cannot be used: ${(error as Error).message}`);
  }
  try {
    return await fn({ call: async (channel, args, labels) => unwrap(await core.call(channel, args), labels) });
  } finally {
    core.dispose();
  }
}

/**
 * The core names a missing workspace by its file name (the renderer must not see paths); the command line names the
 * whole path, says whether its folder is missing too, and gives the command that creates it.
 */
function missingWorkspace(error: unknown, path: string): unknown {
  if (!(error instanceof AppFailure) || error.error.code !== 'FILE_NOT_FOUND') return error;
  const folder = dirname(path);
  const create = `slo-workbench workspace create ${quoteArg(path)}`;
  const message = existsSync(folder)
    ? `No workspace at ${path}; create it with: ${create}`
    : `No workspace at ${path}: the folder ${folder} does not exist either; make the folder, then create the workspace with: ${create}`;
  return new AppFailure('FILE_NOT_FOUND', message, error.error.details);
}

/** An argument as a POSIX shell reads it back: as is when it holds only safe characters, else in single quotes. */
function quoteArg(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Opens the workspace named by --workspace, runs `fn`, and closes it; a file that is not a workspace is refused untouched. */
export async function withWorkspace<T>(ctx: CliContext, file: string, fn: (core: CliCore, workspace: WorkspaceInfo) => Promise<T>): Promise<T> {
  return withCore(ctx, async (core) => {
    const state = await core.call('workspace/open', { path: file }, { '*': '--workspace', path: '--workspace' }).catch((error: unknown) => {
      throw missingWorkspace(error, resolve(ctx.io.cwd, file));
    });
    if (!state.workspace) throw new AppFailure('INTERNAL', 'The workspace did not open');
    return fn(core, state.workspace);
  });
}
