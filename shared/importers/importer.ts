// The shape every history importer has (docs/architecture.md, "how to add an importer"): an id, the names people
// read, the file extensions it is usually found under, a detector, the schema of its options and a parser that
// never throws on bad input. shared/importers/registry.ts lists them; the CLI, the import wizard and the core's
// import service find a format there and nowhere else.
import type { z } from 'zod';
import type { ImportFormat, ImportLimits, ParseResult } from './types';

/** What an importer reads: the file's decoded text, and its name where one is known (for formats the content does not say). */
export type ImportInput = { text: string; name?: string };

/** What every parse gets besides its options: the limits, and where to report progress, in characters of the text. */
export type ParseContext = { limits: ImportLimits; onProgress?: (doneChars: number, totalChars: number) => void };

/** A format's names: a title (the wizard's), a phrase for "read as …" sentences, and a short name for "from the … import". */
export type ImporterNames = { title: string; phrase: string; short: string };

/**
 * One history format. `detect` answers how sure it is that a text is its format, from just above 0 to 1, or null when
 * it is not; the format with the highest confidence wins, and CSV, which any text might be, answers lowest.
 * `options` checks the format's options as a parse request carries them under `requestField` (undefined there when
 * none were given); `parse` turns the text into series with every row counted and every problem located (1-based
 * line, and column where known), as ParseResult in types.ts says.
 */
export type Importer<Id extends ImportFormat = ImportFormat, Options = unknown> = {
  id: Id;
  names: ImporterNames;
  /** Extensions the format's files usually have, with their dot, lower case. */
  extensions: readonly string[];
  detect(input: ImportInput): number | null;
  /** The field of a parse request (and of the import/file channel) that holds this format's options, or null when it takes none. */
  requestField: 'csv' | 'accessLog' | 'jsonSamples' | 'prometheusRatio' | null;
  options: z.ZodType<Options>;
  parse(input: ImportInput, options: Options, context: ParseContext): ParseResult;
};

/** Confidences of the detectors, highest first: they keep the order the formats have always been tried in. */
export const CONFIDENCE = {
  /** The text starts with the format's own header (Upptime's columns). */
  header: 1,
  /** A JSON object with a Prometheus API response's status. */
  status: 0.95,
  /** A JSON line with the keys of an NGINX Plus status snapshot. */
  keys: 0.9,
  /** A JSON array: sample objects, most likely. */
  array: 0.6,
  /** A first line in Common or Combined Log Format. */
  line: 0.5,
  /** Any text may be a delimited table. */
  fallback: 0.1,
} as const;
