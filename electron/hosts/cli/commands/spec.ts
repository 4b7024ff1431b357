// `validate FILE...` (exit 0 when every file is a valid spec, 1 naming file, document and field otherwise) and
// `import-spec FILE... --workspace W` (the services the files describe become proposals).
import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_SPEC_TEXT } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { SPEC_FORMAT_TITLES } from '#shared/specs/spec-files';
import { readSpecFiles } from '../../../core/services/spec-read';
import { envelope } from '../json-build';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';

/** Reads the named files as text, refusing a missing, unreadable or oversized one by name. */
function readFiles(ctx: CliContext, files: readonly string[]): { name: string; text: string }[] {
  return files.map((name) => {
    const path = resolve(ctx.io.cwd, name);
    try {
      if (statSync(path).isDirectory()) refuse('INVALID_ARGUMENT', `${name} is a folder; name the spec files in it`, 'files', '<file...>');
      if (statSync(path).size > MAX_SPEC_TEXT) refuse('INVALID_ARGUMENT', `${name} is larger than ${MAX_SPEC_TEXT / 1024 / 1024} MiB`, 'files', '<file...>');
      return { name, text: readFileSync(path, 'utf8') };
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') refuse('FILE_NOT_FOUND', `There is no file ${name}`, 'files', '<file...>');
      return refuse('IO_ERROR', `${name} cannot be read: ${(error as Error).message}`, 'files', '<file...>');
    }
  });
}

/** Registers `validate` and `import-spec`. */
export function registerSpecCommands(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check spec files (OpenSLO v1/v1alpha, Sloth prometheus/v1 or CRD, Sloth AlertWindows, Pyrra): exit 0 when all are valid, 1 otherwise')
    .argument('<file...>', 'the spec files')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string[]], CommonOptions>(ctx, async (files) => {
        const results = await readSpecFiles(readFiles(ctx, files));
        const invalid = results.filter((r) => !r.ok).length;
        const report = results.map((r) =>
          r.ok
            ? { file: r.file, ok: true, format: r.format, documents: r.documents, issues: [] }
            : { file: r.file, ok: false, format: r.format, documents: 0, issues: r.issues },
        );
        const text = results.flatMap((r) =>
          r.ok
            ? [`${r.file}: valid ${SPEC_FORMAT_TITLES[r.format]} (${r.documents} ${r.documents === 1 ? 'document' : 'documents'})`]
            : [
                `${r.file}: invalid${r.format ? ` ${SPEC_FORMAT_TITLES[r.format]}` : ''}`,
                ...r.issues.map((i) => `  ${i.message}${i.line === undefined ? '' : ` (line ${i.line})`}`),
              ],
        );
        text.push(
          invalid === 0
            ? `${results.length} ${results.length === 1 ? 'file' : 'files'} valid`
            : `${invalid} of ${results.length} ${results.length === 1 ? 'file' : 'files'} invalid`,
        );
        return { json: { ...envelope('validate'), valid: invalid === 0, files: report }, text, ...(invalid > 0 ? { exitCode: 1 as const } : {}) };
      }),
    );

  program
    .command('import-spec')
    .description('import the SLOs of spec files as proposals: new services are created, existing ones get their draft updated and a new version proposed')
    .argument('<file...>', 'the spec files (OpenSLO, Sloth, Pyrra)')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--rationale <text>', 'the rationale of the proposals (default: "Imported from FILES")')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string[]], CommonOptions & { workspace: string; rationale?: string }>(ctx, async (names, options) => {
        const files = readFiles(ctx, names);
        return withWorkspace(ctx, options.workspace, async (core) => {
          const outcome = await core.call('spec/import', { files, rationale: options.rationale ?? '' }, { files: '<file...>' });
          const text = outcome.services.map((s) => {
            const what = [
              s.slisAdded.length > 0 ? `added ${s.slisAdded.join(', ')}` : '',
              s.slisUpdated.length > 0 ? `updated ${s.slisUpdated.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; ');
            const version = s.proposedVersion === null ? 'unchanged since its latest version, nothing proposed' : `proposed as version ${s.proposedVersion}`;
            return `${s.created ? 'Created' : 'Updated'} ${s.name} (${what}): ${version}`;
          });
          if (outcome.notes.length > 0)
            text.push(`${outcome.notes.length} ${outcome.notes.length === 1 ? 'note' : 'notes'} on what the workspace cannot carry:`);
          for (const n of outcome.notes) text.push(`  ${n.file}, ${n.document}, ${n.field}: ${n.message}`);
          return { json: { ...envelope('import-spec'), ...outcome }, text };
        });
      }),
    );
}
