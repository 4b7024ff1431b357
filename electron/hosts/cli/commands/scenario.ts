import type { Command } from 'commander';
import type { Service, Sli } from '#shared/domain/types';
import type { StoredScenario } from '#shared/ipc/contract';
import { checkName } from '#shared/domain/validation';
import { envelope } from '../json-build';
import { findService, findSli, foldName } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { readScenarioFile } from '../scenario-file';
import { scenarioLine, toJsonScenario } from '../scenario-summary';
import { refuse, withWorkspace, type CliContext, type CliCore } from '../session';

type Target = CommonOptions & { workspace: string; service: string; sli: string };
type AddOptions = Target & { file: string; name?: string; replace?: boolean };
type RemoveOptions = Target & { name: string };

/** The service and SLI named by --service and --sli, with the SLI's scenarios. */
async function scenariosOf(core: CliCore, options: Target): Promise<{ service: Service; sli: Sli; where: string; list: StoredScenario[] }> {
  const service = await findService(core, options.service);
  const sli = findSli(service, options.sli);
  const list = await core.call('scenario/list', { sliId: sli.id });
  return { service, sli, where: `${service.name} / ${sli.name}`, list };
}

const named = (list: readonly StoredScenario[], name: string) => {
  const wanted = foldName(name);
  return list.find((s) => s.scenario.name === name.trim()) ?? list.find((s) => foldName(s.scenario.name) === wanted);
};

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and scenariosOf.
/** Registers `scenario add|list|remove`: the what-if scenarios stored with an SLI (see `simulate`). */
export function registerScenarioCommands(program: Command, ctx: CliContext): void {
  const scenario = program.command('scenario').description('what-if scenarios stored with an SLI: deploys, incidents, traffic and one-off events');

  scenario
    .command('add')
    .description('store a scenario file (YAML or JSON) with an SLI')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service')
    .requiredOption('--file <file>', 'scenario file, .yaml, .yml or .json, with the fields of docs/cli.md')
    .option('--name <name>', 'scenario name (default: the name in the file, else the file name without extension)')
    .option('--replace', 'overwrite the SLI’s scenario of the same name (its stored run is cleared when a field changes)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], AddOptions>(ctx, (options) => {
        if (options.name !== undefined) checked(checkName(options.name, 'Scenario name'), 'scenario.name', '--name');
        // The file is read and checked before the workspace is opened.
        const fields = readScenarioFile(ctx, options.file, options.name);
        const nameOption = options.name === undefined ? '--file' : '--name';
        return withWorkspace(ctx, options.workspace, async (core) => {
          const { service, sli, where, list } = await scenariosOf(core, options);
          const existing = named(list, fields.name);
          if (existing && !options.replace) {
            refuse('CONFLICT', `${where} already has a scenario named "${existing.scenario.name}"; add --replace to overwrite it`, 'scenario.name', nameOption);
          }
          const saved = await core.call('scenario/save', { sliId: sli.id, id: existing?.id ?? null, scenario: fields }, { 'scenario.name': nameOption });
          const doc = toJsonScenario(saved);
          return {
            json: { ...envelope('scenario add'), service: service.name, sli: sli.name, replaced: existing !== undefined, scenario: doc },
            text: [`${existing ? 'Replaced' : 'Added'} scenario "${doc.name}" ${existing ? 'of' : 'to'} ${where}:`, scenarioLine(doc)],
          };
        });
      }),
    );

  scenario
    .command('list')
    .description("list an SLI's scenarios: their deploys, incidents and baseline, and whether a run is stored")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], Target>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const { service, sli, where, list } = await scenariosOf(core, options);
          const scenarios = list.map(toJsonScenario);
          const text =
            scenarios.length === 0
              ? [`${where} has no scenarios. Add one with: slo-workbench scenario add --file FILE.yaml`]
              : [`${where}: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}`, ...scenarios.map(scenarioLine)];
          return { json: { ...envelope('scenario list'), service: service.name, sli: sli.name, scenarios }, text };
        }),
      ),
    );

  scenario
    .command('remove')
    .description('remove a scenario of an SLI by its name')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service')
    .requiredOption('--name <name>', 'scenario name (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], RemoveOptions>(ctx, (options) => {
        const name = checked(checkName(options.name, 'Scenario name'), 'name', '--name');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const { service, sli, where, list } = await scenariosOf(core, options);
          const found = named(list, name);
          if (!found) refuse('NOT_FOUND', `${where} has no scenario named "${name}"`, 'name', '--name');
          await core.call('scenario/delete', { id: found.id }, { id: '--name' });
          return {
            json: { ...envelope('scenario remove'), service: service.name, sli: sli.name, removed: { id: found.id, name: found.scenario.name } },
            text: [`Removed scenario "${found.scenario.name}" from ${where}`],
          };
        });
      }),
    );
}
