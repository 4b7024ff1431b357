import type { Command } from 'commander';
import { envelope, toJsonDependencies, toJsonService, toJsonWorkspace } from '../json-build';
import type { JsonShowScenario } from '../json-output';
import { runAction, type CommonOptions } from '../output';
import { renderItems, serviceItems, summaryLine } from '../text-output';
import { scenarioSummary, toJsonScenario } from '../scenario-summary';
import { withWorkspace, type CliContext } from '../session';
import { dependencyLines } from './dependency';

type ShowOptions = CommonOptions & { workspace: string };

/** Registers `show`: every service, SLI and tier with its budget, the buffers between tiers, the warnings, the dependencies and the what-if scenarios. */
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
          const scenarios: JsonShowScenario[] = [];
          for (const service of all) {
            for (const sli of service.slis) {
              const list = await core.call('scenario/list', { sliId: sli.id });
              scenarios.push(...list.map((s) => ({ service: service.name, sli: sli.name, ...toJsonScenario(s) })));
            }
          }
          const whatIf =
            scenarios.length === 0 ? [] : ['', 'Scenarios:', ...scenarios.map((s) => `  ${s.service} / ${s.sli} / ${s.name}: ${scenarioSummary(s)}`)];
          return { json: { ...envelope('show'), workspace, services, dependencies, scenarios }, text: [header, '', ...body, ...graph, ...whatIf] };
        }),
      ),
    );
}
