// Reads the objects of a spec file, untrusted: YAML (1.2 core schema, no timestamps, no aliases, every document of a
// multi-document file) or JSON, within the importers' size and depth limits, each object with where it came from.
import { parseJsonSafely } from '../../importers/json-guard';
import { DEFAULT_LIMITS, type ImportIssue } from '../../importers/types';
import { locatePath, parseYamlDocumentsSafely, yamlIssue, type IssuePlace } from '../../importers/yaml-guard';
import { SPEC_LIMITS, type SpecLimits } from '../spec-limits';

/** One object of a file: its index among the file's objects, its value, and how to find a field of it in the text. */
export type RawObject = { index: number; value: unknown; place: (path: readonly PropertyKey[]) => IssuePlace };

/** The objects of a file, or the issues (without a document) that stopped the reading. */
export type RawObjects = { ok: true; objects: RawObject[] } | { ok: false; issues: ImportIssue[] };

/** Limits of a JSON spec file: the same size and depth as a YAML one. */
const jsonLimits = (limits: SpecLimits) => ({ ...DEFAULT_LIMITS, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth });

const NO_PLACE = (): IssuePlace => ({});

/** True when the file is read as JSON: its name ends in .json. Anything else is YAML, which also reads plain JSON. */
export function isJsonFile(fileName: string): boolean {
  return /\.json$/i.test(fileName);
}

function flatten(value: unknown, place: (prefix: PropertyKey[]) => RawObject['place'], objects: RawObject[]): void {
  if (Array.isArray(value)) value.forEach((item, i) => objects.push({ index: objects.length, value: item, place: place([i]) }));
  else objects.push({ index: objects.length, value, place: place([]) });
}

function readJson(text: string, limits: SpecLimits): RawObjects {
  const parsed = parseJsonSafely(text, jsonLimits(limits));
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const objects: RawObject[] = [];
  flatten(parsed.value, () => NO_PLACE, objects);
  return { ok: true, objects };
}

function readYaml(text: string, limits: SpecLimits): RawObjects {
  const parsed = parseYamlDocumentsSafely(text, limits);
  if (!parsed.ok) return parsed;
  const objects: RawObject[] = [];
  for (const yaml of parsed.value) {
    let value: unknown;
    try {
      value = yaml.doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      return { ok: false, issues: [yamlIssue('BAD_YAML', `The YAML cannot be read: ${(error as Error).message}`)] };
    }
    if (value === null || value === undefined) continue; // an empty document, e.g. after a trailing '---'
    flatten(value, (prefix) => (path) => locatePath(yaml, [...prefix, ...path]), objects);
  }
  return { ok: true, objects };
}

/** The objects of a spec file: a single object, a list of objects, or several documents (YAML), each flattened in order. */
export function readObjects(text: string, fileName: string, limits: SpecLimits = SPEC_LIMITS): RawObjects {
  const read = isJsonFile(fileName) ? readJson(text, limits) : readYaml(text, limits);
  const empty = read.ok ? read.objects.length === 0 : read.issues.length === 1 && read.issues[0]?.code === 'NO_DOCUMENT';
  if (empty) return { ok: false, issues: [yamlIssue('NO_DOCUMENT', 'The file holds no OpenSLO object')] };
  return read;
}
