import { z } from 'zod';
import type { HistoryAnalysis } from '../analysis/history';
import type { AlertWindowSet } from '../budget/alerts';
import { isKnownTimeZone } from '../budget/calendar';
import { IMPORT_FORMATS, type ImportFormat, type ImportIssue } from '../importers/types';
import { checkTargetPpm } from '../domain/percent';
import {
  BUDGETING_METHODS, CALENDAR_UNITS, SLI_KINDS, TIERS, type Service, type Sli,
} from '../domain/types';
import { checkName, checkThresholdMs, checkWindowDays, MAX_NAME_LENGTH, type FieldCheck } from '../domain/validation';

/** Turns a shared field check into a zod refinement so the boundary and the forms speak with one voice. */
function checked<T, I>(base: z.ZodType<I>, check: (input: I) => FieldCheck<T>) {
  return base.transform((input, ctx) => {
    const result = check(input);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
}


const id = z.number().int().positive();
const serviceName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'Service name'));
const sliName = checked(z.string().max(MAX_NAME_LENGTH * 4), (s: string) => checkName(s, 'SLI name'));
const freeText = z.string().max(2000);
const thresholdMs = checked(z.number(), checkThresholdMs);
const workspacePath = z.string().min(1, 'A file name is required').max(4096);

/** Boundary schema of an objective window. */
export const windowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), days: checked(z.number(), checkWindowDays) }),
  z.object({
    kind: z.literal('calendar'),
    unit: z.enum(CALENDAR_UNITS, { message: `Calendar unit must be one of ${CALENDAR_UNITS.join(', ')}` }),
    timeZone: z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' }),
  }),
]);

/** Boundary schema of the time-slice parameters. */
export const timesliceSchema = z.object({
  sliceMinutes: z.number().int().min(1, 'Slice length must be at least 1 minute').max(1440, 'Slice length must be at most 1440 minutes'),
  sliceTargetPpm: checked(z.number(), checkTargetPpm),
});

/** Longest redundancy-group name. */
const groupName = z.string().trim().min(1, 'A redundancy group needs a name').max(60, 'A redundancy group name must be at most 60 characters');

/** Boundary schema of an error-budget policy; its rules are checked by checkPolicy in the core. */
export const policySchema = z.object({
  warningBelowPercent: z.number(),
  criticalBelowPercent: z.number(),
  warningBurnRate: z.number(),
  criticalBurnRate: z.number(),
  actions: z.object({ healthy: z.string(), warning: z.string(), critical: z.string(), exhausted: z.string() }).strict(),
}).strict();

const alertWindowSchema = z.object({ budgetPercent: z.number(), shortMinutes: z.number(), longMinutes: z.number() }).strict();

/** Boundary schema of an alert window set; its rules are checked by checkAlertSet in the core. */
export const alertSetSchema = z.object({
  name: z.string().max(100),
  periodMinutes: z.number(),
  page: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
  ticket: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
}).strict();

/** The alert window sets a workspace offers: the built-in ones and the team's own (with ids). */
export type AlertSetList = { builtIn: AlertWindowSet[]; custom: (AlertWindowSet & { id: number })[] };

const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);

/** Boundary schema of a CSV column mapping. */
export const csvMappingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('good-total'), time: columnRef, good: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('bad-total'), time: columnRef, bad: columnRef, total: columnRef }).strict(),
  z.object({ kind: z.literal('ratio'), time: columnRef, ratio: columnRef, total: columnRef.optional() }).strict(),
  z.object({ kind: z.literal('value-threshold'), time: columnRef, value: columnRef, threshold: z.number().refine(Number.isFinite, 'The threshold must be a number'), direction: z.enum(['below', 'above']) }).strict(),
]);

/** What an import did: stored (with its series), recognised as a duplicate, or refused because of bad rows. */
export type ImportSummary = {
  status: 'stored' | 'duplicate' | 'refused';
  importId: number | null;
  fileName: string;
  format: ImportFormat;
  accepted: number;
  rejected: number;
  series: { name: string; points: number; stepMs: number | null; startMs: number | null; endMs: number | null }[];
  issues: ImportIssue[];
};

/** The analysis of an SLI's imported history over one rolling window, with where the data came from. */
export type HistoryReport = HistoryAnalysis & {
  importId: number; fileName: string; series: string; startMs: number | null; endMs: number | null; windowDays: number;
};

/** What the host can do with files: native dialogs (Electron), a folder the server may use (browser mode), or raw paths (CLI). */
export type FileAccess = 'dialog' | 'folder' | 'path';

/** Facts about the host the UI is talking to. */
export type HostInfo = { host: 'electron' | 'browser' | 'cli'; version: string; fileAccess: FileAccess };

/** The open workspace as the UI shows it. */
export type WorkspaceInfo = {
  name: string;
  location: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  schemaVersion: number;
};

/** Everything the title bar and the Edit menu need: the open workspace and what undo/redo would do. */
export type WorkspaceState = {
  workspace: WorkspaceInfo | null;
  undoLabel: string | null;
  redoLabel: string | null;
};

/** A recently used workspace; opened by id so clients never send paths back. */
export type RecentEntry = { id: string; name: string; location: string; exists: boolean };

/** The workspaces and subfolders a browser-mode server may use, relative to its folder. */
export type FolderListing = {
  folder: string;
  subfolder: string;
  entries: { name: string; kind: 'workspace' | 'folder'; modifiedMs: number }[];
};

const none = z.object({}).strict();
// A typed placeholder: results are produced by our own code, so they carry a type but need no runtime schema.
const returns = <T>() => undefined as unknown as T;

/** The contract: every channel's argument schema and result type. Hosts and clients are derived from it. */
export const contract = {
  'app/info': { args: none, result: returns<HostInfo>() },
  'workspace/state': { args: none, result: returns<WorkspaceState>() },
  'workspace/create': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/open': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/save-as': { args: z.object({ path: workspacePath }).strict(), result: returns<WorkspaceState>() },
  'workspace/close': { args: none, result: returns<WorkspaceState>() },
  'workspace/recent': { args: none, result: returns<RecentEntry[]>() },
  'workspace/open-recent': { args: z.object({ id: z.string().min(1).max(64) }).strict(), result: returns<WorkspaceState>() },
  'workspace/list-folder': {
    args: z.object({ subfolder: z.string().max(1024).default('') }).strict(),
    result: returns<FolderListing>(),
  },
  'workspace/create-dialog': { args: none, result: returns<WorkspaceState>() },
  'workspace/open-dialog': { args: none, result: returns<WorkspaceState>() },
  'workspace/save-as-dialog': { args: none, result: returns<WorkspaceState>() },
  'catalog/list': { args: none, result: returns<Service[]>() },
  'service/create': {
    args: z.object({ name: serviceName, owner: freeText.default(''), description: freeText.default('') }).strict(),
    result: returns<Service>(),
  },
  'service/rename': { args: z.object({ serviceId: id, name: serviceName }).strict(), result: returns<Service>() },
  'service/delete': { args: z.object({ serviceId: id }).strict(), result: returns<{ serviceId: number }>() },
  'sli/create': {
    args: z.object({
      serviceId: id,
      name: sliName,
      kind: z.enum(SLI_KINDS, { message: `Kind must be one of ${SLI_KINDS.join(', ')}` }),
      latencyThresholdMs: thresholdMs.nullable().default(null),
    }).strict(),
    result: returns<Sli>(),
  },
  'sli/update': {
    args: z.object({ sliId: id, name: sliName.optional(), latencyThresholdMs: thresholdMs.nullable().optional() }).strict(),
    result: returns<Sli>(),
  },
  'sli/delete': { args: z.object({ sliId: id }).strict(), result: returns<{ sliId: number }>() },
  'objective/set': {
    args: z.object({
      sliId: id,
      tier: z.enum(TIERS, { message: `Tier must be one of ${TIERS.join(', ')}` }),
      targetPpm: checked(z.number(), checkTargetPpm),
      window: windowSchema,
      method: z.enum(BUDGETING_METHODS, { message: `Budgeting method must be one of ${BUDGETING_METHODS.join(', ')}` }),
      timeslice: timesliceSchema.nullable().default(null),
      latencyThresholdMs: thresholdMs.nullable().default(null),
    }).strict(),
    result: returns<Sli>(),
  },
  'objective/clear': {
    args: z.object({ sliId: id, tier: z.enum(TIERS) }).strict(),
    result: returns<Sli>(),
  },
  'service/set-traffic': {
    args: z.object({
      serviceId: id,
      requestsPerDay: z.number().min(0, 'Traffic must not be negative').max(1e15, 'Traffic must be at most 10^15 requests per day')
        .refine(Number.isFinite, 'Traffic must be a number').nullable(),
    }).strict(),
    result: returns<Service>(),
  },
  'service/set-policy': { args: z.object({ serviceId: id, policy: policySchema.nullable() }).strict(), result: returns<Service>() },
  'dependency/add': {
    args: z.object({ serviceId: id, dependsOnId: id, redundancyGroup: groupName.nullable().default(null) }).strict(),
    result: returns<Service>(),
  },
  'dependency/remove': { args: z.object({ serviceId: id, dependsOnId: id }).strict(), result: returns<Service>() },
  'alerts/list-sets': { args: none, result: returns<AlertSetList>() },
  'alerts/save-set': { args: z.object({ id: id.optional(), set: alertSetSchema }).strict(), result: returns<AlertSetList>() },
  'alerts/delete-set': { args: z.object({ id }).strict(), result: returns<AlertSetList>() },
  'import/file': {
    args: z.object({
      sliId: id,
      path: workspacePath,
      format: z.enum([...IMPORT_FORMATS, 'auto']).default('auto'),
      csv: z.object({
        mapping: csvMappingSchema,
        timeFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']),
        timeZone: z.string().max(64).refine(isKnownTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' }).optional(),
      }).strict().optional(),
      accessLog: z.object({
        durationField: z.enum(['microseconds', 'milliseconds', 'seconds']).optional(),
        latencyThresholdMs: z.number().positive().max(3_600_000).optional(),
      }).strict().optional(),
      prometheusRatio: z.boolean().optional(),
      onBadRows: z.enum(['skip', 'abort']).default('abort'),
    }).strict(),
    result: returns<ImportSummary>(),
  },
  'analysis/sli': {
    args: z.object({ sliId: id, windowDays: checked(z.number(), checkWindowDays).default(30) }).strict(),
    result: returns<HistoryReport>(),
  },
  'edit/undo': { args: none, result: returns<WorkspaceState>() },
  'edit/redo': { args: none, result: returns<WorkspaceState>() },
} as const;

/** Every channel name. */
export type Channel = keyof typeof contract;

/** The arguments a client passes on a channel (before defaults are applied). */
export type ArgsIn<C extends Channel> = z.input<(typeof contract)[C]['args']>;

/** The arguments a handler receives, validated and with defaults applied. */
export type Args<C extends Channel> = z.output<(typeof contract)[C]['args']>;

/** The value a channel returns on success. */
export type ResultOf<C extends Channel> = (typeof contract)[C]['result'];

/** Channels answered by Electron's main process with a native dialog rather than by the core. */
export const DIALOG_CHANNELS = ['workspace/create-dialog', 'workspace/open-dialog', 'workspace/save-as-dialog'] as const;

/** Channels that take a file path from the client; Electron's renderer may not use them (it uses the dialogs). */
export const PATH_CHANNELS = ['workspace/create', 'workspace/open', 'workspace/save-as', 'workspace/list-folder', 'import/file'] as const;

/** Channels the core implements. */
export type CoreChannel = Exclude<Channel, (typeof DIALOG_CHANNELS)[number]>;

/** Every channel name, in contract order. */
export const CHANNELS = Object.keys(contract) as Channel[];

/** True when the string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
