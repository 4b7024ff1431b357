// What every spec reader (OpenSLO, Sloth, Pyrra) hands the workspace: services as a proposal would hold them, without
// ids, named by name, plus what the spec held that the workspace has no place for. The import service turns each into
// a proposal of its service; it never overwrites an approved version.
import type { Sli } from '../domain/types';

/** An SLI read from a spec: everything an Sli holds but its ids. */
export type ImportedSli = Omit<Sli, 'id' | 'serviceId'>;

/** A service read from a spec: its name, description, SLIs and the names of the services it depends on. */
export type ImportedService = { name: string; owner: string; description: string; slis: ImportedSli[]; dependsOn: string[] };

/** Something a spec held that the workspace cannot carry, and where it was (file, document, field). */
export type ImportNote = { file: string; document: string; field: string; message: string };

/** The services a set of spec files describes, in the order the files named them, and what was left out. */
export type SpecImport = { services: ImportedService[]; notes: ImportNote[] };
