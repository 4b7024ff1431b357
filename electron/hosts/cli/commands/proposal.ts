import type { Command } from 'commander';
import { envelope } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { diffText, versionsText } from '../review-text';
import { refuse, withWorkspace, type CliContext } from '../session';

type CreateOptions = CommonOptions & { workspace: string; service: string; rationale?: string };
type ListOptions = CommonOptions & { workspace: string; service?: string };
type DiffOptions = CommonOptions & { workspace: string; service: string; from: string; to?: string };

/** A version number typed on the command line: a whole number from 1. */
export function versionNumber(text: string, option: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= 1)) refuse('INVALID_ARGUMENT', `A version number is a whole number from 1, not "${text}"`, 'version', option);
  return n;
}

// Each command spells out its options as its --help shows them (alike across commands on purpose).
/** Registers `proposal create|list|diff`: a service's plan proposed as numbered, immutable versions. */
export function registerProposalCommands(program: Command, ctx: CliContext): void {
  const proposal = program.command('proposal').description("a service's tiers, windows, methods, policy and alerts proposed as numbered, immutable versions");

  proposal
    .command('create')
    .description("propose the service's current plan as its next version; prints the new version number")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .option('--rationale <text>', 'why this version (up to 4000 characters)', '')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], CreateOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const version = await core.call(
            'proposal/create',
            { serviceId: service.id, rationale: options.rationale ?? '' },
            { rationale: '--rationale', serviceId: '--service' },
          );
          return {
            json: { ...envelope('proposal create'), service: service.name, version },
            text: [`Proposed version ${version.number} of ${service.name}`, `  ${version.approval.summary}`],
          };
        }),
      ),
    );

  proposal
    .command('list')
    .description("list each service's versions with their state and what their approval lacks, and whether the draft changed since")
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--service <name>', 'only this service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], ListOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const ids = options.service === undefined ? (await core.call('catalog/list', {})).map((s) => s.id) : [(await findService(core, options.service)).id];
          const services = [];
          for (const serviceId of ids) services.push(await core.call('proposal/list', { serviceId }));
          return {
            json: { ...envelope('proposal list'), services },
            text: services.length === 0 ? ['The workspace has no services'] : services.flatMap(versionsText),
          };
        }),
      ),
    );

  proposal
    .command('diff')
    .description('every change between two versions (or a version and the current draft), with its impact on imported history')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--from <n>', 'the older version')
    .option('--to <n>', 'the newer version (default: the current draft)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], DiffOptions>(ctx, (options) => {
        const from = versionNumber(options.from, '--from');
        const to = options.to === undefined ? null : versionNumber(options.to, '--to');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const diff = await core.call('proposal/diff', { serviceId: service.id, from, to }, { from: '--from', to: '--to' });
          return { json: { ...envelope('proposal diff'), service: service.name, diff }, text: diffText(diff) };
        });
      }),
    );
}
