import type { Args, CoreChannel, HostInfo, ResultOf } from '#shared/ipc/contract';
import type { EventMap, EventName } from '#shared/ipc/events';
import type { CatalogService } from './services/catalog-service';
import type { ImportJobs } from './services/import-jobs';
import type { ReliabilityService } from './services/reliability-service';
import type { SettingsStore } from './services/settings-store';
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
  catalog: CatalogService;
  reliability: ReliabilityService;
  settings: SettingsStore;
  jobs: ImportJobs;
  now: () => number;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
};

/** A handler for one core channel: validated arguments in, a value out (or an AppFailure thrown). */
export type Handler<C extends CoreChannel> = (args: Args<C>, ctx: HandlerContext) => ResultOf<C> | Promise<ResultOf<C>>;

/** Handlers for a set of channels; the registry requires the union to cover every core channel. */
export type HandlerMap<C extends CoreChannel> = { [K in C]: Handler<K> };
