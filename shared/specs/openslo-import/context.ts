// What the OpenSLO import's parts share: where a note is about, and how the workbench's own annotations are read.
import { OPENSLO_ANNOTATIONS, openSloAnnotation } from '../../exporters/names';
import type { ImportNote } from '../imported';

/** Where the import is: the file, the document (its kind and name) and the field path under it. */
export type At = { file: string; document: string };

/** Collects notes. */
export type Notes = { add(at: At, field: string, message: string): void; list: ImportNote[] };

/** An empty list of notes. */
export function notes(): Notes {
  const list: ImportNote[] = [];
  return { list, add: (at, field, message) => list.push({ file: at.file, document: at.document, field, message }) };
}

/** The value of one of the workbench's annotations, or undefined. */
export function annotation(
  annotations: Record<string, string> | undefined,
  name: (typeof OPENSLO_ANNOTATIONS)[keyof typeof OPENSLO_ANNOTATIONS],
): string | undefined {
  return annotations?.[openSloAnnotation(name)];
}

/** A whole, non-negative number written by the exporter as text, or undefined. */
export function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}
