/** Payloads of the events the core pushes to every connected UI. */
export type EventMap = {
  /** A workspace was created, opened, saved under a new name or closed; refetch everything. */
  'workspace-changed': { reason: 'created' | 'opened' | 'saved-as' | 'closed' };
  /** Services, SLIs or objectives changed (an edit, an undo, a redo); refetch the catalog. */
  'catalog-changed': { reason: 'edit' | 'undo' | 'redo' };
  /** History was imported for an SLI; refetch its analysis. */
  'history-changed': { sliId: number };
  /** Exclusions of a service changed; refetch its analyses. */
  'exclusions-changed': { serviceId: number };
  /** How far a running import has got: phase, and done of total (bytes, rows or queries; total 0 when unknown). */
  'import-progress': { jobId: string; phase: 'reading' | 'parsing' | 'querying' | 'storing' | 'done'; done: number; total: number };
  /** The scenarios of an SLI, or the last run stored with one, changed; refetch its scenarios. */
  'scenarios-changed': { sliId: number };
  /** A service's versions, sign-offs, comments or review periods changed (serviceId), or the required roles (null); refetch its review. */
  'review-changed': { serviceId: number | null };
  /** How far a running simulation has got: trials done of total. */
  'simulation-progress': { jobId: string; done: number; total: number };
};

/** Names of the pushed events. */
export type EventName = keyof EventMap;

/** Every event name, for allowlists in the preload and the browser-mode client. */
export const EVENT_NAMES: readonly EventName[] = [
  'workspace-changed',
  'catalog-changed',
  'history-changed',
  'exclusions-changed',
  'import-progress',
  'scenarios-changed',
  'simulation-progress',
  'review-changed',
];
