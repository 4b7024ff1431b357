import type { Command } from 'commander';
import { DECISION_NOUNS } from '#shared/review/approval';
import { envelope } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { signoffsText } from '../review-text';
import { withWorkspace, type CliContext } from '../session';
import { versionNumber } from './proposal';

type Target = CommonOptions & { workspace: string; service: string; version: string };
type AddOptions = Target & { name: string; role: string; decision: string; rationale: string; date?: string };

const LABELS = { version: '--version', name: '--name', role: '--role', decision: '--decision', rationale: '--rationale', date: '--date' };

// Each command spells out its options as its --help shows them (alike across commands on purpose).
/** Registers `signoff add|list`: stakeholders' decisions on a proposed version. */
export function registerSignoffCommands(program: Command, ctx: CliContext): void {
  const signoff = program.command('signoff').description('record and list the decisions of the roles that must approve a version');

  signoff
    .command('add')
    .description("record a stakeholder's decision on a version of a service")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--version <n>', 'the version decided on')
    .requiredOption('--name <name>', 'who decides')
    .requiredOption('--role <role>', 'engineering, product, business, operations or a role of your own')
    .requiredOption('--decision <decision>', 'approve, object or abstain')
    .option('--rationale <text>', 'why (up to 4000 characters)', '')
    .option('--date <YYYY-MM-DD>', 'the day of the decision (default: today, UTC)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], AddOptions>(ctx, (options) => {
        const version = versionNumber(options.version, '--version');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const args = { serviceId: service.id, version, name: options.name, role: options.role, rationale: options.rationale, date: options.date ?? null };
          const signoffs = await core.call('signoff/add', { ...args, decision: options.decision as 'approve' }, LABELS);
          const last = signoffs.signoffs.at(-1)!;
          return {
            json: { ...envelope('signoff add'), service: service.name, signoffs },
            text: [
              `Recorded the ${DECISION_NOUNS[last.decision]} of ${last.name} (${last.role}) on version ${version} of ${service.name}`,
              ...signoffsText(service.name, signoffs),
            ],
          };
        });
      }),
    );

  signoff
    .command('list')
    .description("list a version's sign-offs and what its approval lacks")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--version <n>', 'the version')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], Target>(ctx, (options) => {
        const version = versionNumber(options.version, '--version');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const signoffs = await core.call('signoff/list', { serviceId: service.id, version }, LABELS);
          return { json: { ...envelope('signoff list'), service: service.name, signoffs }, text: signoffsText(service.name, signoffs) };
        });
      }),
    );
}
