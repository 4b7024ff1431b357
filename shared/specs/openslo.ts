// Reads OpenSLO v1 and v1alpha files into typed, checked objects: every object of the file against its kind's strict
// schema and the go-sdk's semantic rules (oslo validate's reference). Never throws; every problem names the file, the
// object's index (with its kind and name when known) and the field.
import { z } from 'zod';
import { metadataV1alphaSchema, metadataV1Schema } from './openslo/common';
import { readObjects, type RawObject } from './openslo/documents';
import { SPEC_LIMITS, type SpecLimits } from './spec-limits';
import { V1_SPECS } from './openslo/v1';
import { V1ALPHA_SPECS } from './openslo/v1alpha';

/** The OpenSLO versions read, each with the kinds it defines. */
export const OPENSLO_KINDS = {
  'openslo/v1': Object.keys(V1_SPECS) as (keyof typeof V1_SPECS)[],
  'openslo/v1alpha': Object.keys(V1ALPHA_SPECS) as (keyof typeof V1ALPHA_SPECS)[],
} as const;

/** An OpenSLO apiVersion this reader accepts. */
export type OpenSloVersion = keyof typeof OPENSLO_KINDS;

const envelope = <V extends string, K extends string, M extends z.ZodType, S extends z.ZodType>(apiVersion: V, kind: K, metadata: M, spec: S) =>
  z.strictObject({ apiVersion: z.literal(apiVersion), kind: z.literal(kind), metadata, spec });

type V1Kind = keyof typeof V1_SPECS;
type V1alphaKind = keyof typeof V1ALPHA_SPECS;

/** A checked OpenSLO v1 object of one kind. */
export type OpenSloV1Object = {
  [K in V1Kind]: { apiVersion: 'openslo/v1'; kind: K; metadata: z.output<typeof metadataV1Schema>; spec: z.output<(typeof V1_SPECS)[K]> };
}[V1Kind];

/** A checked OpenSLO v1alpha object of one kind. */
export type OpenSloV1alphaObject = {
  [K in V1alphaKind]: { apiVersion: 'openslo/v1alpha'; kind: K; metadata: z.output<typeof metadataV1alphaSchema>; spec: z.output<(typeof V1ALPHA_SPECS)[K]> };
}[V1alphaKind];

/** A checked OpenSLO object of any version and kind read. */
export type OpenSloObject = OpenSloV1Object | OpenSloV1alphaObject;

const SCHEMAS: Record<string, Record<string, z.ZodType>> = {
  'openslo/v1': Object.fromEntries(Object.entries(V1_SPECS).map(([kind, spec]) => [kind, envelope('openslo/v1', kind, metadataV1Schema, spec)])),
  'openslo/v1alpha': Object.fromEntries(
    Object.entries(V1ALPHA_SPECS).map(([kind, spec]) => [kind, envelope('openslo/v1alpha', kind, metadataV1alphaSchema, spec)]),
  ),
};

/** A problem of an OpenSLO file: the file, the object's index (null for the whole file), its kind and name when known, the field. */
export type OpenSloIssue = {
  code: string;
  file: string;
  index: number | null;
  kind?: string;
  name?: string;
  /** Dotted path of the field, arrays indexed as oslo prints them: spec.objectives[0].op; '' for the whole object. */
  path: string;
  /** The whole sentence for people, naming the file, the object and the field. */
  message: string;
  line?: number;
  column?: number;
};

/** The objects of a file when every one of them is valid, or every issue found. */
export type OpenSloResult = { ok: true; objects: OpenSloObject[] } | { ok: false; issues: OpenSloIssue[] };

/** A field path as oslo prints it: keys joined by dots, list positions in brackets. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key as string] : undefined;
  return at;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

type Where = { file: string; index: number | null; kind?: string; name?: string };

function issue(where: Where, code: string, path: readonly PropertyKey[], what: string, place: { line?: number; column?: number } = {}): OpenSloIssue {
  const field = formatPath(path);
  const object = where.index === null ? '' : `, object at index ${where.index}${where.kind ? ` (${where.kind}${where.name ? ` "${where.name}"` : ''})` : ''}`;
  const at = place.line === undefined ? '' : ` (line ${place.line})`;
  const message = `${where.file}${object}${at}: ${field === '' ? 'the object' : field} ${what}`;
  return { code, ...where, path: field, message, ...place };
}

function zodIssues(raw: RawObject, where: Where, error: z.ZodError): OpenSloIssue[] {
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => issue(where, 'UNKNOWN_FIELD', [...i.path, key], 'is not a field OpenSLO defines here', raw.place([...i.path, key])));
    }
    const missing = valueAt(raw.value, i.path) === undefined && i.code === 'invalid_type';
    return [issue(where, missing ? 'MISSING_FIELD' : 'BAD_FIELD', i.path, missing ? 'is required' : i.message, raw.place(i.path))];
  });
}

function checkObject(raw: RawObject, file: string): { object: OpenSloObject } | { issues: OpenSloIssue[] } {
  const value = raw.value;
  const where: Where = { file, index: raw.index };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { issues: [issue(where, 'NOT_AN_OBJECT', [], 'must be a map with apiVersion, kind, metadata and spec', raw.place([]))] };
  }
  const record = value as Record<string, unknown>;
  where.kind = text(record.kind);
  where.name = text(valueAt(record, ['metadata', 'name']));
  const apiVersion = record.apiVersion;
  const versions = Object.keys(OPENSLO_KINDS).join(' or ');
  if (apiVersion === undefined) return { issues: [issue(where, 'MISSING_FIELD', ['apiVersion'], `is required (${versions})`, raw.place([]))] };
  const kinds = typeof apiVersion === 'string' ? SCHEMAS[apiVersion] : undefined;
  if (kinds === undefined) {
    return {
      issues: [issue(where, 'UNKNOWN_API_VERSION', ['apiVersion'], `"${String(apiVersion)}" is not supported: use ${versions}`, raw.place(['apiVersion']))],
    };
  }
  const schema = typeof record.kind === 'string' ? kinds[record.kind] : undefined;
  if (schema === undefined) {
    const what = record.kind === undefined ? 'is required' : `"${String(record.kind)}" is not a kind of ${String(apiVersion)}`;
    return { issues: [issue(where, 'UNKNOWN_KIND', ['kind'], `${what}: use one of ${Object.keys(kinds).join(', ')}`, raw.place(['kind']))] };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { object: parsed.data as OpenSloObject } : { issues: zodIssues(raw, where, parsed.error) };
}

/**
 * Reads an OpenSLO file (YAML, or JSON when the name ends in .json): one object, a list of objects or several YAML
 * documents. Every object must be valid for the result to be ok; otherwise every issue of every object is returned.
 */
export function parseOpenSlo(text: string, fileName: string, limits: SpecLimits = SPEC_LIMITS): OpenSloResult {
  const read = readObjects(text, fileName, limits);
  if (!read.ok) {
    return {
      ok: false,
      issues: read.issues.map((i) => {
        const at = i.line === undefined ? '' : ` (line ${i.line}, column ${i.column ?? 1})`;
        return { code: i.code, file: fileName, index: null, path: '', message: `${fileName}${at}: ${i.message}`, line: i.line, column: i.column };
      }),
    };
  }
  const objects: OpenSloObject[] = [];
  const issues: OpenSloIssue[] = [];
  for (const raw of read.objects) {
    const checked = checkObject(raw, fileName);
    if ('object' in checked) objects.push(checked.object);
    else issues.push(...checked.issues);
  }
  return issues.length === 0 ? { ok: true, objects } : { ok: false, issues };
}
