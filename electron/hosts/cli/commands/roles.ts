import type { Command } from 'commander';
import { listWords } from '#shared/review/approval';
import { envelope } from '../json-build';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { withWorkspace, type CliContext } from '../session';

type Options = CommonOptions & { workspace: string };

const text = (roles: readonly string[]) => [`A version is approved once ${listWords(roles)} approved it and nobody objects`];

// Each command spells out its options as its --help shows them (alike across commands on purpose).
/** Registers `roles list|set`: the roles that must approve a version in a workspace. */
export function registerRolesCommands(program: Command, ctx: CliContext): void {
  const roles = program.command('roles').description('the roles that must approve a version (engineering, product, business, operations to start)');

  roles
    .command('list')
    .description('list the roles that must approve a version')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], Options>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const list = await core.call('roles/list', {});
          return { json: { ...envelope('roles list'), roles: list }, text: text(list) };
        }),
      ),
    );

  roles
    .command('set')
    .description('replace the roles that must approve a version, in the order given')
    .requiredOption('--workspace <file>', 'workspace file')
    .argument('<role...>', 'roles, e.g. engineering product security (stored in lower case)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string[]], Options>(ctx, (given, options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const list = await core.call('roles/set', { roles: given }, { roles: '<role...>' });
          return { json: { ...envelope('roles set'), roles: list }, text: text(list) };
        }),
      ),
    );
}
