// The CLI's --json format, "slo-workbench/v1". Scripts depend on it: add fields, never rename or remove them;
// a breaking change gets a new format string. docs/cli.md documents every document with real output.
import type { BudgetingMethod, SliKind, Tier } from '../../../shared/domain/types';
import type { TierRule } from '../../../shared/domain/tiers';
import type { ErrorCode, ErrorDetails } from '../../../shared/ipc/errors';

/** The format string every successful --json document carries, so scripts can refuse a format they do not know. */
export const JSON_FORMAT = 'slo-workbench/v1';

/** A window as the CLI spells it: a rolling number of days ("30d") or "calendar-month". */
export type JsonWindowSpec = `${number}d` | 'calendar-month';

/** An error budget: allowed bad minutes per window (a range for calendar months, 28 to 31 days) and the budget in ppm. */
export type JsonBudget = {
  /** Bad minutes allowed in the shortest window; rounded to 6 decimals. */
  minutesMin: number;
  /** Bad minutes allowed in the longest window; equal to minutesMin for rolling windows. */
  minutesMax: number;
  /** 1 − target, in parts per million: 1000 for a 99.9 % target. */
  ppm: number;
};

/** One tier (SLA, SLO or performance target) of an SLI. */
export type JsonTier = {
  tier: Tier;
  /** The target as a percentage without trailing zeros: "99.9". */
  target: string;
  targetPpm: number;
  window: JsonWindowSpec;
  /** IANA time zone of a calendar window; null for rolling windows. */
  timeZone: string | null;
  method: BudgetingMethod;
  /** Time-slice parameters of the timeslices methods; null for occurrences. */
  timeslice: { sliceMinutes: number; sliceTargetPpm: number } | null;
  /** The tier's effective latency threshold (its own or the SLI's); null for availability SLIs. */
  latencyThresholdMs: number | null;
  budget: JsonBudget;
};

/** The gap between two adjacent set tiers; negative when the tighter tier is in fact looser. */
export type JsonBuffer = {
  from: Tier;
  to: Tier;
  /** The gap in percentage points, as text: "0.5". */
  points: string;
  ppm: number;
  /** Budget minutes the looser tier allows beyond the tighter one, per shortest and longest window; rounded to 6 decimals. */
  minutesMin: number;
  minutesMax: number;
};

/** A broken ordering rule between two tiers, with the sentence the UI shows. */
export type JsonWarning = { rule: TierRule; tier: Tier; against: Tier; message: string };

/** An SLI with its set tiers (loosest first), the buffers between them and its warnings. */
export type JsonSli = {
  name: string;
  kind: SliKind;
  /** The SLI's default latency threshold; null for availability SLIs. */
  latencyThresholdMs: number | null;
  tiers: JsonTier[];
  buffers: JsonBuffer[];
  warnings: JsonWarning[];
};

/** A service with all its SLIs. */
export type JsonService = { name: string; owner: string; description: string; slis: JsonSli[] };

/** A service as `service list` shows it: names only, no ladders. */
export type JsonServiceSummary = { name: string; owner: string; description: string; slis: string[] };

/** The workspace a command worked on. */
export type JsonWorkspace = { name: string; path: string; schemaVersion: number; readOnly: boolean; readOnlyReason: string | null };

/** Fields every successful document starts with. */
export type JsonEnvelope<C extends string> = { format: typeof JSON_FORMAT; ok: true; command: C };

/** `workspace create`. */
export type JsonWorkspaceCreated = JsonEnvelope<'workspace create'> & { workspace: JsonWorkspace };

/** `service add` and `service rename`: the service as stored afterwards. */
export type JsonServiceChanged = JsonEnvelope<'service add' | 'service rename'> & { service: JsonService };

/** `service list`. */
export type JsonServiceList = JsonEnvelope<'service list'> & { services: JsonServiceSummary[] };

/** `service remove`: what was removed, with the SLIs that went with it. */
export type JsonServiceRemoved = JsonEnvelope<'service remove'> & { removed: JsonService };

/** `sli add` and `objective set`: the SLI as stored afterwards, with its ladder and warnings. */
export type JsonSliChanged = JsonEnvelope<'sli add' | 'objective set'> & { service: string; sli: JsonSli };

/** `sli list`. */
export type JsonSliList = JsonEnvelope<'sli list'> & { service: string; slis: JsonSli[] };

/** `show`: the whole workspace. */
export type JsonShow = JsonEnvelope<'show'> & { workspace: JsonWorkspace; services: JsonService[] };

/** `serve`: printed once the server listens. */
export type JsonServe = JsonEnvelope<'serve'> & { url: string };

/** Every successful document the CLI prints on stdout. */
export type JsonDocument =
  | JsonWorkspaceCreated | JsonServiceChanged | JsonServiceList | JsonServiceRemoved
  | JsonSliChanged | JsonSliList | JsonShow | JsonServe;

/** Error codes in --json errors: the core's stable codes, plus USAGE for command lines the parser refused (exit code 2). */
export type JsonErrorCode = ErrorCode | 'USAGE';

/** Details of an error: the core's (field, path, …) plus `option`, the command-line option or argument it concerns. */
export type JsonErrorDetails = ErrorDetails & { option?: string };

/** What the CLI prints on stderr, as one line, when a --json command fails; stdout stays empty. */
export type JsonError = { ok: false; error: { code: JsonErrorCode; message: string; details?: JsonErrorDetails } };
