// The shape every spec exporter has (docs/architecture.md, "how to add an exporter"): an id, the file extensions it
// writes, what its format cannot carry, and a pure render from a snapshot of the workspace to named text files.
// shared/exporters/registry.ts lists them.
import type { AlertWindowSet } from '../budget/alerts';
import type { Service } from '../domain/types';

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

/** One service as exported: its tiers, SLIs, policy and dependencies as of the exported version, and that version. */
export type ExportedService = { service: Service; version: ExportVersion };

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

/** One file an export writes: its name (relative, with its extension) and its text. */
export type ExportFile = { name: string; text: string };

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
  render(snapshot: Snapshot): { files: ExportFile[]; report: ExportLossReport };
};
