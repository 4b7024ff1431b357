// The review document as a list of blocks, built once from the export snapshot (build.ts) and drawn by each renderer
// (markdown.ts, pdf.ts): both say the same thing because they read the same blocks.
import type { Tier } from '../../domain/types';

/** One rung of the ladder picture: a tier, its target and the words beside its bar. */
export type LadderBar = { tier: Tier; label: string; targetPpm: number; text: string };

/** A table column: its title, how wide it is relative to the others, and how its cells align. */
export type Column = { title: string; weight: number; align?: 'left' | 'right' };

/** One block of the document. */
export type Block =
  /** Level 1 opens a service (a new page in the PDF); 2 and 3 are its parts. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** A warning that must not be missed: a draft, a version not approved, an SLO above its ceiling. */
  | { kind: 'banner'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'table'; columns: readonly Column[]; rows: readonly (readonly string[])[] }
  /** The tier ladder: one bar per tier on one axis of nines (90 % = 1, 99 % = 2, 99.9 % = 3), up to `axisNines`. */
  | { kind: 'ladder'; caption: string; axisNines: number; bars: readonly LadderBar[] };

/** The whole document: its title, the lines under it, the day it describes (for the PDF's dates) and its blocks. */
export type ReviewDocument = {
  title: string;
  subtitle: readonly string[];
  /** The latest day the snapshot names (a proposal or a sign-off), YYYY-MM-DD; null when it names none. */
  day: string | null;
  blocks: readonly Block[];
};
