// The limits a spec file (OpenSLO, Sloth, Pyrra; YAML or JSON) is read within. Aliases are refused whatever the
// limits (shared/importers/yaml-guard.ts), so a billion-laughs file is refused at its first alias, never expanded; the
// time and memory limits are the worker's (electron/core/services/spec-read.ts), since a pure parser cannot stop itself.
import type { YamlLimits } from '../importers/yaml-guard';

/**
 * Largest spec file read, in UTF-8 bytes: 64 MiB. A spec of 10,000 SLOs is several MB as teams write it (Sloth
 * prometheus/v1 with events queries: 4.8 MB), and the OpenSLO export of a 10,000-SLO workspace is 56.6 MB over 1,000
 * per-service files (docs/performance.md), so 64 MiB admits either in one file. Above that a parse tree no longer
 * fits the worker's heap and time comfortably (a bare `yaml` parse of the 56.6 MB takes about 19 s), so a larger file is
 * refused up front with its size rather than stopped half-way. History files keep their own, smaller limits
 * (YAML_LIMITS, DEFAULT_LIMITS).
 */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** Deepest nesting of a spec file: real specs stay under 15 levels. */
export const MAX_SPEC_DEPTH = 64;

/** The size and depth limits of one spec file. */
export type SpecLimits = YamlLimits;

/** The limits every spec reader uses unless given others (tests give tiny ones). */
export const SPEC_LIMITS: SpecLimits = { maxBytes: MAX_SPEC_BYTES, maxDepth: MAX_SPEC_DEPTH };
