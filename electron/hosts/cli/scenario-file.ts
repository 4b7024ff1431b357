// A what-if scenario file (YAML or JSON holding the fields of scenarioSchema), read and checked for the CLI: every
// wrong or unknown field is named, with the line and column of the first in a YAML file.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { AppFailure } from '#shared/ipc/errors';
import { locatePath, MAX_YAML_BYTES, parseYamlSafely, type IssuePlace, type SafeYaml } from '#shared/importers/yaml-guard';
import { formatScenarioIssues, parseScenario, type Scenario, type ScenarioIssue } from '#shared/simulation/scenario';
import { refuse, type CliContext } from './session';

/** The extensions a scenario file may have, and how each is read. */
const FORMATS: Readonly<Record<string, 'yaml' | 'json'>> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

type Read = { fields: unknown; yaml: SafeYaml | null };

function readText(ctx: CliContext, file: string, option: string): string {
  const path = resolve(ctx.io.cwd, file);
  try {
    // The size is checked before reading, so a huge file is never loaded.
    if (statSync(path).size > MAX_YAML_BYTES) {
      refuse('INVALID_ARGUMENT', `${file} is larger than ${MAX_YAML_BYTES / 1024} KiB; a scenario file is a few kilobytes`, 'file', option);
    }
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') refuse('FILE_NOT_FOUND', `There is no file ${file}`, 'file', option);
    if (code === 'EISDIR') refuse('INVALID_ARGUMENT', `${file} is a folder, not a scenario file`, 'file', option);
    refuse('IO_ERROR', `${file} cannot be read: ${(error as Error).message}`, 'file', option);
  }
}

function parseText(file: string, text: string, format: 'yaml' | 'json', option: string): Read {
  if (format === 'json') {
    try {
      return { fields: JSON.parse(text) as unknown, yaml: null };
    } catch (error) {
      refuse('INVALID_ARGUMENT', `${file} is not valid JSON: ${(error as Error).message}`, 'file', option);
    }
  }
  const parsed = parseYamlSafely(text);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    const where = first.line === undefined ? file : `${file}:${first.line}:${first.column}`;
    throw new AppFailure('INVALID_ARGUMENT', `${where}: ${first.message}`, { field: 'file', option, path: file, line: first.line, column: first.column });
  }
  return { fields: parsed.value.doc.toJS() as unknown, yaml: parsed.value };
}

/** "events[0].day" as the path of its node: ['events', 0, 'day']. */
function pathOf(field: string): PropertyKey[] {
  return field.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
}

function placeOf(read: Read, issue: ScenarioIssue): IssuePlace {
  return read.yaml && issue.field !== '(scenario)' ? locatePath(read.yaml, pathOf(issue.field)) : {};
}

/**
 * Reads a scenario file (.yaml, .yml or .json) and checks it with the scenario schema. A file without `name` takes
 * `name` (the --name option) or else its own base name; given, `name` overrides the file's.
 */
export function readScenarioFile(ctx: CliContext, file: string, name?: string, option = '--file'): Scenario {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) refuse('INVALID_ARGUMENT', `${file} is neither YAML (.yaml, .yml) nor JSON (.json)`, 'file', option);
  const read = parseText(file, readText(ctx, file, option), format, option);
  if (read.fields === null || typeof read.fields !== 'object' || Array.isArray(read.fields)) {
    refuse('INVALID_ARGUMENT', `${file} must hold the fields of a scenario (baseline, deploys, incidents, …), not a list or a single value`, 'file', option);
  }
  const fields = read.fields as Record<string, unknown>;
  const named = name !== undefined ? { ...fields, name } : 'name' in fields ? fields : { ...fields, name: basename(file, extname(file)) };
  const parsed = parseScenario(named);
  if (parsed.ok) return parsed.value;
  const first = parsed.issues[0]!;
  const place = placeOf(read, first);
  const where = place.line === undefined ? file : `${file}:${place.line}:${place.column}`;
  throw new AppFailure('INVALID_ARGUMENT', `${where}: ${formatScenarioIssues(parsed.issues)}`, {
    field: `scenario.${first.field}`,
    option: first.field === 'name' && name !== undefined ? '--name' : option,
    path: file,
    ...place,
    issues: parsed.issues,
  });
}
