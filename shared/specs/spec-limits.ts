// The limits a spec file (OpenSLO, Sloth, Pyrra; YAML or JSON) is read within. Aliases are refused whatever the
// limits (shared/importers/yaml-guard.ts), so a billion-laughs file is refused at its first alias, never expanded; the
// time and memory limits are the worker's (electron/core/services/spec-read.ts), since a pure parser cannot stop itself.
import type { YamlLimits } from '../importers/yaml-guard';

/**
 * Largest spec file read, in UTF-8 bytes: 64 MiB. A spec of 10,000 SLOs is several MB (Sloth prometheus/v1 with events
 * queries about 5 MB; the OpenSLO export of a 10,000-SLO workspace, one SLI and one SLO document per SLO, about 14 MB:
 * docs/performance.md), so 64 MiB admits four times the largest spec anyone keeps in one file, while the parse of a
 * file at the cap (about 30 s and 1.5 GB of parse tree for YAML) is still stopped by the worker's time and memory limits
 * rather than by the machine. History files keep their own, smaller limits (YAML_LIMITS, DEFAULT_LIMITS).
 */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** Deepest nesting of a spec file: real specs stay under 15 levels. */
export const MAX_SPEC_DEPTH = 64;

/** The size and depth limits of one spec file. */
export type SpecLimits = YamlLimits;

/** The limits every spec reader uses unless given others (tests give tiny ones). */
export const SPEC_LIMITS: SpecLimits = { maxBytes: MAX_SPEC_BYTES, maxDepth: MAX_SPEC_DEPTH };
