import { z } from 'zod';
import type { ImportNote } from '../../specs/imported';
import { MAX_SPEC_BYTES } from '../../specs/spec-limits';
import { EVERY_HOST, returns, type ChannelSpec } from './fields';

/** Largest spec file accepted, in characters: the readers' byte cap (a text of N bytes has at most N characters), why it is 64 MiB is told there. */
export const MAX_SPEC_TEXT = MAX_SPEC_BYTES;

/** One file of a spec import: its name as the user knows it and its text. */
export const specFileSchema = z
  .object({
    name: z.string().min(1, 'Each file needs its name').max(1000),
    text: z.string().max(MAX_SPEC_TEXT, `A spec file must be at most ${MAX_SPEC_TEXT / 1024 / 1024} MiB`),
  })
  .strict();

/** What an import did per service: created with its SLIs, or its draft updated, and the version proposed (null when nothing changed). */
export type SpecImportOutcome = {
  services: { name: string; created: boolean; slisAdded: string[]; slisUpdated: string[]; proposedVersion: number | null }[];
  notes: ImportNote[];
};

/** Importing spec files (their texts, as uploaded or read by the CLI) as proposals of their services. */
export const specImportChannels = {
  'spec/import': {
    args: z.object({ files: z.array(specFileSchema).min(1, 'Give at least one file').max(1000), rationale: z.string().max(2000).default('') }).strict(),
    result: returns<SpecImportOutcome>(),
    hosts: EVERY_HOST,
  },
} as const satisfies Record<string, ChannelSpec>;
