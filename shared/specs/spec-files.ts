// Spec files as `validate` and `import-spec` read them: the format told by the file's own apiVersion (or Sloth's
// `version: prometheus/v1`), the format's reader (which refuses naming document and field), and the readers' output
// turned into one SpecImport of the workspace's services. A file of no known format is refused, not guessed.
import { importSlothAlertWindows } from '../importers/sloth-alert-windows';
import type { ImportIssue } from '../importers/types';
import { parseOpenSlo, type OpenSloObject } from './openslo';
import { openSloImport } from './openslo-import';
import { parsePyrraObjectives, type PyrraObjective } from './pyrra';
import { importPyrra } from './pyrra-import';
import { parseSlothSpecs, type SlothSpec } from './sloth';
import { slothSpecsToImport } from './sloth-import';
import type { SpecImport } from './imported';
import { SPEC_LIMITS, type SpecLimits } from './spec-limits';

/** The spec formats a file can be in. */
export const SPEC_FORMATS = ['openslo', 'sloth', 'sloth-alert-windows', 'pyrra'] as const;

/** One of SPEC_FORMATS. */
export type SpecFormat = (typeof SPEC_FORMATS)[number];

/** What each format is called in messages. */
export const SPEC_FORMAT_TITLES: Readonly<Record<SpecFormat, string>> = {
  openslo: 'OpenSLO',
  sloth: 'Sloth prometheus/v1',
  'sloth-alert-windows': 'Sloth AlertWindows',
  pyrra: 'Pyrra ServiceLevelObjective',
};

/** A file read: its format and its documents, or every problem found with the file named in each message. */
export type SpecFileRead =
  | ({ ok: true; file: string; documents: number } & (
      | { format: 'openslo'; objects: OpenSloObject[] }
      | { format: 'sloth'; specs: SlothSpec[] }
      | { format: 'sloth-alert-windows' }
      | { format: 'pyrra'; objectives: PyrraObjective[] }
    ))
  | { ok: false; file: string; format: SpecFormat | null; issues: { message: string; line?: number }[] };

// A key at the start of a YAML line, or after { or , in JSON.
const API_VERSION = /(?:^|[{,])\s*["']?apiVersion["']?\s*:\s*["']?([A-Za-z0-9./-]+)/m;
const SLOTH_VERSION = /(?:^|[{,])\s*["']?version["']?\s*:\s*["']?prometheus\/v1["']?\s*[,}]?\s*$/m;
const KIND = /(?:^|[{,])\s*["']?kind["']?\s*:\s*["']?([A-Za-z]+)/m;

/** The format a file says it is in, from its first apiVersion (and kind), or null when it names none we read. */
export function detectSpecFormat(text: string): SpecFormat | null {
  const api = API_VERSION.exec(text)?.[1];
  if (api === 'openslo/v1' || api === 'openslo/v1alpha') return 'openslo';
  if (api === 'pyrra.dev/v1alpha1') return 'pyrra';
  if (api === 'sloth.slok.dev/v1') return KIND.exec(text)?.[1] === 'AlertWindows' ? 'sloth-alert-windows' : 'sloth';
  if (api === undefined && SLOTH_VERSION.test(text)) return 'sloth';
  return null;
}

const named = (file: string, issues: readonly ImportIssue[]) =>
  issues.map((i) => ({ message: i.message.startsWith(file) ? i.message : `${file}: ${i.message}`, ...(i.line === undefined ? {} : { line: i.line }) }));

/** Reads one spec file in whichever format it says it is. */
export function readSpecFile(file: string, text: string, limits: SpecLimits = SPEC_LIMITS): SpecFileRead {
  const format = detectSpecFormat(text);
  if (format === null) {
    const api = API_VERSION.exec(text)?.[1];
    const why = api
      ? `apiVersion "${api}" is not one this reads (openslo/v1, openslo/v1alpha, sloth.slok.dev/v1, pyrra.dev/v1alpha1)`
      : /^\s*groups\s*:/m.test(text)
        ? 'it looks like a Prometheus rule file: check it with promtool check rules'
        : 'it names no apiVersion (nor version: prometheus/v1), so its format is unknown';
    return { ok: false, file, format: null, issues: [{ message: `${file}: not a spec file this reads: ${why}` }] };
  }
  if (format === 'openslo') {
    const read = parseOpenSlo(text, file, limits);
    return read.ok
      ? { ok: true, file, format, documents: read.objects.length, objects: read.objects }
      : { ok: false, file, format, issues: read.issues.map((i) => ({ message: i.message, ...(i.line === undefined ? {} : { line: i.line }) })) };
  }
  if (format === 'sloth') {
    const read = parseSlothSpecs(text, limits);
    return read.ok
      ? { ok: true, file, format, documents: read.value.length, specs: read.value }
      : { ok: false, file, format, issues: named(file, read.issues) };
  }
  if (format === 'pyrra') {
    const read = parsePyrraObjectives(text, file, limits);
    return read.ok
      ? { ok: true, file, format, documents: read.value.length, objectives: read.value }
      : { ok: false, file, format, issues: named(file, read.issues) };
  }
  const read = importSlothAlertWindows(text);
  return read.ok ? { ok: true, file, format, documents: 1 } : { ok: false, file, format, issues: named(file, read.issues) };
}

/** The services a set of read files describes, each format through its own mapping, in the order the files came. */
export function specImportOf(files: readonly Extract<SpecFileRead, { ok: true }>[]): SpecImport {
  const openslo = files.flatMap((f) => (f.format === 'openslo' ? [{ file: f.file, objects: f.objects }] : []));
  const sloth = files.flatMap((f) => (f.format === 'sloth' ? [{ file: f.file, specs: f.specs }] : []));
  const pyrra = files.flatMap((f) => (f.format === 'pyrra' ? [{ file: f.file, objectives: f.objectives }] : []));
  const parts = [
    openslo.length > 0 ? openSloImport(openslo) : null,
    sloth.length > 0 ? slothSpecsToImport(sloth) : null,
    pyrra.length > 0 ? importPyrra(pyrra) : null,
  ];
  const done = parts.filter((p): p is SpecImport => p !== null);
  return { services: done.flatMap((p) => p.services), notes: done.flatMap((p) => p.notes) };
}
