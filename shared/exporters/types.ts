// The shape every spec exporter has (docs/architecture.md, "how to add an exporter"): an id, the file extensions it
// writes, what its format cannot carry, and a pure render from a snapshot of the workspace to named text files.
// shared/exporters/registry.ts lists them.
import type { AlertWindowSet } from '../budget/alerts';
import type { Service, Tier } from '../domain/types';
import type { SimulationResult } from '../simulation/result';

/** A stakeholder's decision on a proposed version. */
export const DECISIONS = ['approve', 'object', 'abstain'] as const;

/** One of DECISIONS. */
export type Decision = (typeof DECISIONS)[number];

/** One recorded sign-off: who, in which role, what they decided and why, and the day (YYYY-MM-DD, UTC). */
export type ExportSignoff = { name: string; role: string; decision: Decision; rationale: string; date: string };

/**
 * Which version of a service is exported: its number (null for the current draft that was never proposed), its state,
 * its rationale, the roles that must approve it and the sign-offs recorded so far.
 */
export type ExportVersion = {
  number: number | null;
  state: 'draft' | 'proposed' | 'approved';
  rationale: string;
  /** The day it was proposed (YYYY-MM-DD, UTC), null for a draft. */
  proposedOn: string | null;
  requiredRoles: readonly string[];
  signoffs: readonly ExportSignoff[];
};

/** An SLI's imported history in a few figures, judged by the exported version's tiers (excluded periods left out). */
export type ExportHistorySummary = {
  sliId: number;
  /** Where it came from: "chatbot-latency.csv, series latency". */
  source: string;
  /** First and last day of the history (YYYY-MM-DD, UTC). */
  fromDay: string;
  toDay: string;
  /** Good over total of the whole history (as the SLO counts), or null without traffic. */
  achieved: number | null;
  /** Each tier: of the last (up to 13) complete weeks, in how many it was met. */
  tiers: readonly { tier: Tier; targetPpm: number; weeks: number; met: number }[];
  /** The SLO the history supports (met in 95 % of past windows), or null. */
  recommendedSloPpm: number | null;
  /** Why something could not be judged, or null. */
  note: string | null;
};

/** The last run of one what-if scenario of an SLI, as the workspace stored it. */
export type ExportWhatIf = { sliId: number; scenario: string; result: SimulationResult };

/**
 * The changes of the exported version against the one before it (the approved version before it, else version 1 or
 * the latest proposal for a draft), in the diff's sentences, with their historical impact where history exists.
 */
export type ExportVersionDiff = { from: number; to: number | null; changes: readonly string[]; impact: readonly string[]; notes: readonly string[] };

/**
 * One service as exported: its tiers, SLIs, policy and dependencies as of the exported version, and that version.
 * The core adds `history`, `whatif` and `diff` for exporters that ask for them (Exporter.reviewContext).
 */
export type ExportedService = {
  service: Service;
  version: ExportVersion;
  history?: readonly ExportHistorySummary[];
  whatif?: readonly ExportWhatIf[];
  /** Null when there is no earlier version to compare with. */
  diff?: ExportVersionDiff | null;
};

/**
 * What an export renders from: the services (the dependencies of each name services by id, all of them in
 * `services` or `others`), the workspace's own alert window sets (fitAlertSet picks from them first), and the
 * generator's version printed in headers.
 */
export type ExportSnapshot = {
  services: readonly ExportedService[];
  /** Services not exported but named by a dependency, for the dependency ceiling. */
  others: readonly Service[];
  customAlertSets: readonly AlertWindowSet[];
  generatorVersion: string;
};

/** Something a format has no place for, named so the export can say what was left out and how it was mapped. */
export type ExportLoss = { id: string; description: string };

/** What one export lost: each loss with the services and SLIs it concerns (e.g. "checkout / latency"). */
export type ExportLossReport = { format: string; losses: readonly (ExportLoss & { concerns: readonly string[] })[] };

/**
 * One file an export writes: its name (relative, with its extension) and its content: UTF-8 text, or with encoding
 * 'base64' the file's bytes in base64 (a PDF).
 */
export type ExportFile = { name: string; text: string; encoding?: 'base64' };

/**
 * One spec format. `render` is pure and deterministic (same snapshot, same files, byte for byte): no clock, no
 * randomness; what the snapshot holds that the format cannot carry is listed in the report, never silently dropped.
 */
export type Exporter<Snapshot = ExportSnapshot> = {
  id: string;
  /** The format as people name it, e.g. "OpenSLO v1". */
  title: string;
  /** Extensions of the files it writes, with their dot, lower case. */
  extensions: readonly string[];
  /** Everything this format can lose, for the documentation and the export dialog. */
  losses: readonly ExportLoss[];
  /** True when it reads the history, what-if and diff the core adds to each service (they cost a history analysis per SLI). */
  reviewContext?: boolean;
  render(snapshot: Snapshot): { files: ExportFile[]; report: ExportLossReport };
};
