import type { Command } from 'commander';
import { envelope, toJsonDependencies, toJsonService, toJsonWorkspace } from '../json-build';
import { runAction, type CommonOptions } from '../output';
import { renderItems, serviceItems, summaryLine } from '../text-output';
import { withWorkspace, type CliContext } from '../session';
import { dependencyLines } from './dependency';

type ShowOptions = CommonOptions & { workspace: string };

/** Registers `show`: every service, SLI and tier with its budget, the buffers between tiers, the warnings and the dependencies. */
export function registerShowCommand(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show every service, SLI and tier with its error budget per window, the buffers and any warnings')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], ShowOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core, info) => {
          const all = await core.call('catalog/list', {});
          const services = all.map(toJsonService);
          const dependencies = toJsonDependencies(all, all);
          const workspace = toJsonWorkspace(info);
          const header = `${workspace.name}: ${summaryLine(services)}${workspace.readOnly ? ' (read-only)' : ''}`;
          const body =
            services.length === 0 ? ['No services yet. Add one with: slo-workbench service add --workspace FILE NAME'] : renderItems(serviceItems(services));
          const graph = dependencies.length === 0 ? [] : ['', 'Dependencies:', ...dependencyLines(dependencies).map((l) => `  ${l}`)];
          return { json: { ...envelope('show'), workspace, services, dependencies }, text: [header, '', ...body, ...graph] };
        }),
      ),
    );
}
