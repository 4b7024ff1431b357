import type { Command } from 'commander';
import { utcText } from '#shared/domain/utc-text';
import type { Service, Sli } from '#shared/domain/types';
import type { ImportListing, SeriesSummary } from '#shared/ipc/contract';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { printOutput, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext, type CliCore } from '../session';

/** The options `import` itself takes, which its subcommands share: commander gives them to the parent. */
type TargetOptions = CommonOptions & { workspace: string; service: string; sli: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One import as a line: id, file, format, rows (kept, rejected, merged as duplicates) and when it was imported. */
function importLine(i: ImportListing): string {
  const merged = i.mergedRows > 0 ? `, ${i.mergedRows} merged` : '';
  return `  #${i.id} ${i.fileName} (${i.format}): ${i.acceptedRows} rows kept, ${i.rejectedRows} rejected${merged}, imported ${utcText(i.finishedAt, 'minute')} UTC`;
}

async function target(core: CliCore, options: TargetOptions): Promise<{ service: Service; sli: Sli; imports: ImportListing[] }> {
  const service = await findService(core, options.service);
  const sli = findSli(service, options.sli);
  return { service, sli, imports: await core.call('import/list', { sliId: sli.id }) };
}

/** The id typed as `<import-id>`: a positive whole number. */
function parseImportId(text: string): number {
  const id = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    refuse('INVALID_ARGUMENT', `The import id is a positive whole number, such as 3 (see slo-workbench import list), not "${text}"`, 'importId', '<import-id>');
  }
  return id;
}

/**
 * Registers `import list` and `import delete <import-id>` under `import`. They take `import`'s own --workspace,
 * --service, --sli and --json, which commander reads for the parent command.
 */
export function registerImportHistoryCommands(command: Command, ctx: CliContext, seriesText: (s: SeriesSummary) => string): void {
  command
    .command('list')
    .description("list an SLI's imports with their ids and series")
    .usage('--workspace <file> --service <name> --sli <name> [--json]')
    .action(async (_options: unknown, sub: Command) => {
      const options = sub.optsWithGlobals<TargetOptions>();
      const output = await withWorkspace(ctx, options.workspace, async (core) => {
        const { service, sli, imports } = await target(core, options);
        const title = `${service.name} / ${sli.name}`;
        const text =
          imports.length === 0
            ? [`${title} has no imports yet`]
            : [`${title}: ${plural(imports.length, 'import')}`, ...imports.flatMap((i) => [importLine(i), ...i.series.map((s) => `    ${seriesText(s)}`)])];
        return { json: { ...envelope('import list'), service: service.name, sli: sli.name, imports }, text };
      });
      printOutput(ctx, options, output);
    });

  command
    .command('delete')
    .description('delete an import and its series from an SLI by its id (see import list); the file can be imported again')
    .usage('--workspace <file> --service <name> --sli <name> [--json] <import-id>')
    .argument('<import-id>', 'the import id, as import list shows it (#3)')
    .action(async (idText: string, _options: unknown, sub: Command) => {
      const options = sub.optsWithGlobals<TargetOptions>();
      const importId = parseImportId(idText);
      const output = await withWorkspace(ctx, options.workspace, async (core) => {
        const { service, sli, imports } = await target(core, options);
        const found = imports.find((i) => i.id === importId);
        if (!found) refuse('NOT_FOUND', `${service.name} / ${sli.name} has no import #${importId}; see slo-workbench import list`, 'importId', '<import-id>');
        await core.call('import/delete', { importId }, { importId: '<import-id>' });
        const samples = found.series.reduce((sum, s) => sum + s.points, 0);
        const deleted = { importId, fileName: found.fileName, series: found.series.length, samples };
        return {
          json: { ...envelope('import delete'), service: service.name, sli: sli.name, deleted },
          text: [`Deleted import #${importId} ${found.fileName} from ${service.name} / ${sli.name}: ${found.series.length} series, ${samples} samples`],
        };
      });
      printOutput(ctx, options, output);
    });
}
