import type { Command } from 'commander';
import { checkName } from '#shared/domain/validation';
import { envelope, toJsonService, toJsonServiceSummary } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { plural, renderItems } from '../text-output';
import { withWorkspace, type CliContext } from '../session';

type WorkspaceOptions = CommonOptions & { workspace: string };

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and findService.
/** Registers `service add|list|rename|remove`; services are addressed by name, case-insensitively. */
export function registerServiceCommands(program: Command, ctx: CliContext): void {
  const service = program.command('service').description('add, list, rename and remove services');

  service
    .command('add')
    .description('add a service')
    .argument('<name>', 'name of the new service (unique, case-insensitively)')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string], WorkspaceOptions>(ctx, (name, options) => {
        // Checked before the workspace is opened (the core checks again), so a bad name never touches the file.
        checked(checkName(name, 'Service name'), 'name', 'NAME');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const created = toJsonService(await core.call('service/create', { name }, { name: 'NAME' }));
          return { json: { ...envelope('service add'), service: created }, text: [`Added service ${created.name}`] };
        });
      }),
    );

  service
    .command('list')
    .description('list the services of a workspace')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], WorkspaceOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const services = (await core.call('catalog/list', {})).map(toJsonServiceSummary);
          const text =
            services.length === 0
              ? ['No services yet. Add one with: slo-workbench service add --workspace FILE NAME']
              : renderItems(services.map((s) => ({ row: [s.name, plural(s.slis.length, 'SLI'), s.slis.join(', ')] })));
          return { json: { ...envelope('service list'), services }, text };
        }),
      ),
    );

  service
    .command('rename')
    .description('rename a service')
    .argument('<name>', 'current name of the service (case-insensitive)')
    .argument('<newname>', 'new name')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string, string], WorkspaceOptions>(ctx, (name, newName, options) => {
        checked(checkName(newName, 'Service name'), 'name', 'NEWNAME');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const old = await findService(core, name, 'NAME');
          const renamed = toJsonService(await core.call('service/rename', { serviceId: old.id, name: newName }, { name: 'NEWNAME' }));
          return { json: { ...envelope('service rename'), service: renamed }, text: [`Renamed service ${old.name} to ${renamed.name}`] };
        });
      }),
    );

  service
    .command('remove')
    .description('remove a service with all its SLIs and tiers')
    .argument('<name>', 'name of the service (case-insensitive)')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string], WorkspaceOptions>(ctx, (name, options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const old = await findService(core, name, 'NAME');
          await core.call('service/delete', { serviceId: old.id });
          const removed = toJsonService(old);
          return {
            json: { ...envelope('service remove'), removed },
            text: [`Removed service ${removed.name} (and ${plural(removed.slis.length, 'SLI')})`],
          };
        }),
      ),
    );
}
