// The shape every spec exporter has (docs/architecture.md, "how to add an exporter"): an id, the file extensions it
// writes, what its format cannot carry, and a pure render from a snapshot of the workspace to named text files.
// shared/exporters/registry.ts lists them.
import type { Service } from '../domain/types';

/** What an export renders from: the services with their SLIs, objectives and dependencies, as the catalog holds them. */
export type ExportSnapshot = { services: readonly Service[] };

/** Something a format has no place for, named so the export can say what was left out (e.g. "timeslices"). */
export type ExportLoss = { id: string; description: string };

/** One file an export writes: its name (relative, with its extension) and its text. */
export type ExportFile = { name: string; text: string };

/**
 * One spec format. `render` is pure and deterministic (same snapshot, same files, byte for byte): no clock, no
 * randomness; what the snapshot holds that the format cannot carry is listed in `losses`, never silently dropped.
 */
export type Exporter<Snapshot = ExportSnapshot> = {
  id: string;
  /** The format as people name it, e.g. "OpenSLO v1". */
  title: string;
  /** Extensions of the files it writes, with their dot, lower case. */
  extensions: readonly string[];
  losses: readonly ExportLoss[];
  render(snapshot: Snapshot): ExportFile[];
};
