import type { Command } from 'commander';
import type { ExportedVersionSummary } from '#shared/ipc/contract';
import { envelope } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';

type ExportOptions = CommonOptions & {
  workspace: string;
  format: string;
  service: string[];
  version?: string;
  approved?: boolean;
  requireApproved?: boolean;
  out: string;
  force?: boolean;
};

const collect = (value: string, previous: string[]) => [...previous, value];

/** How a service's exported version reads in the text output. */
export function versionText(s: ExportedVersionSummary): string {
  return s.version === null ? `${s.service}: the current draft (never proposed; marked as a draft)` : `${s.service}: version ${s.version} (${s.state})`;
}

/** Registers `export`. */
export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      "write the services' SLOs as spec files (OpenSLO, Sloth, Pyrra, Prometheus rules) or a review document (Markdown, PDF), with a loss report beside them",
    )
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--format <format>', 'openslo, sloth, pyrra, prometheus-rules, markdown or pdf')
    .requiredOption('--out <folder>', 'folder to write into (made when missing; files this command did not write are never overwritten without --force)')
    .option('--service <name>', 'a service to export (repeat for several; default: every service)', collect, [])
    .option('--version <n>', "with one --service: that version's plan")
    .option('--approved', "each service's approved version; a service without one is refused")
    .option('--require-approved', 'exit 1 naming every service without an approved version, and write nothing')
    .option('--force', 'overwrite files in the folder that this command did not write')
    .option('--json', JSON_HELP)
    .addHelpText(
      'after',
      '\nWithout --version or --approved, each service exports its approved version where there is one and its current draft otherwise, marked as a draft in the files.',
    )
    .action(
      runAction<[], ExportOptions>(ctx, (options) => {
        if (options.version !== undefined && options.approved) refuse('INVALID_ARGUMENT', 'Give --version or --approved, not both', 'selection', '--version');
        let version: number | null = null;
        if (options.version !== undefined) {
          if (!/^[1-9]\d{0,8}$/.test(options.version))
            refuse('INVALID_ARGUMENT', `--version is a version number such as 2, not "${options.version}"`, 'selection', '--version');
          if (options.service.length !== 1)
            refuse('INVALID_ARGUMENT', '--version needs exactly one --service: version numbers are per service', 'selection', '--service');
          version = Number(options.version);
        }
        return withWorkspace(ctx, options.workspace, async (core) => {
          const services = [];
          for (const name of options.service) services.push(await findService(core, name));
          const written = await core.call(
            'export/write',
            {
              format: options.format,
              serviceIds: services.length === 0 ? null : services.map((s) => s.id),
              selection: version !== null ? { kind: 'version', version } : options.approved ? { kind: 'approved' } : { kind: 'default' },
              requireApproved: options.requireApproved ?? false,
              path: options.out,
              force: options.force ?? false,
            },
            {
              format: '--format',
              path: '--out',
              requireApproved: '--require-approved',
              selection: '--version',
              serviceId: '--service',
              serviceIds: '--service',
            },
          );
          const files = written.written.length + written.unchanged.length;
          return {
            json: { ...envelope('export'), specFormat: options.format, ...written },
            text: [
              `Exported ${options.format} into ${written.folder}: ${files} ${files === 1 ? 'file' : 'files'}, ${written.written.length} written, ${written.unchanged.length} unchanged`,
              ...written.services.map((s) => `  ${versionText(s)}`),
              written.report.losses.length === 0
                ? '  Nothing was lost in this format.'
                : `  ${written.report.losses.length} ${written.report.losses.length === 1 ? 'thing' : 'things'} this format cannot carry: ${written.report.losses.map((l) => l.id).join(', ')} (see LOSSES-${options.format}.md)`,
            ],
          };
        });
      }),
    );
}
