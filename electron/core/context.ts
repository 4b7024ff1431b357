// The shape of the core (docs/architecture.md): handlers -> services -> storage repositories.
//
// - A handler (handlers/*.ts) answers one channel: it turns the host's client paths into real ones, calls one service
//   function, and announces what changed (ctx.emit). It never touches a repository or SQL.
// - A service is a module of plain exported functions (services/*.ts). One that reads or changes the workspace takes
//   the open WorkspaceSession first, then the validated arguments, then what the host lends it (clock, abort signal,
//   progress callback): `createSli(session, args)`, `importFile(session, job, now)`; one that needs no workspace takes
//   just its arguments (`previewFile(path)`). Services hold no state of their own and are never constructed; they
//   reach the repositories through the session (session.reader(), session.series(), ...) and make every change
//   through session.edit / session.editWorkspace, so each edit is one transaction and one undo step.
// - State lives in three holders, classes built once per core in registry.ts and handed to handlers here: the
//   WorkspaceSession (the open workspace, its repositories and undo history), the SettingsStore (the recent list),
//   ImportJobs (running imports, their progress and cancel) and SimulationJobs (running simulations, likewise).
import type { Args, CoreChannel, HostInfo, ResultOf } from '#shared/ipc/contract';
import type { EventMap, EventName } from '#shared/ipc/events';
import type { ImportJobs } from './services/import-jobs';
import type { SettingsStore } from './services/settings-store';
import type { SimulationJobs } from './services/simulation-jobs';
import type { WorkspaceSession } from './services/workspace-session';

/** How a host turns a client's file argument into a real path, per purpose. Throws AppFailure to refuse. */
export type PathResolver = (clientPath: string, purpose: 'create' | 'open' | 'save-as') => string;

/** What each host tells the core about itself. */
export type CoreOptions = {
  host: HostInfo['host'];
  version: string;
  /** Folder for settings.json (the recent list). */
  settingsDir: string;
  /** Turns client paths into real ones; the browser host confines them to its folder. */
  resolvePath: PathResolver;
  /** The folder a browser-mode server offers for workspaces; absent elsewhere. */
  folder?: string;
  now?: () => number;
};

/** What every handler receives beside its validated arguments. */
export type HandlerContext = {
  options: CoreOptions;
  session: WorkspaceSession;
  settings: SettingsStore;
  jobs: ImportJobs;
  simulations: SimulationJobs;
  now: () => number;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
};

/** A handler for one core channel: validated arguments in, a value out (or an AppFailure thrown). */
export type Handler<C extends CoreChannel> = (args: Args<C>, ctx: HandlerContext) => ResultOf<C> | Promise<ResultOf<C>>;

/** Handlers for a set of channels; the registry requires the union to cover every core channel. */
export type HandlerMap<C extends CoreChannel> = { [K in C]: Handler<K> };
