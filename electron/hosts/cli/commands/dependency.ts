import type { Command } from 'commander';
import { ignoredDependencyText } from '#shared/budget/feasibility';
import type { Service } from '#shared/domain/types';
import { envelope, toJsonCeiling, toJsonDependencies } from '../json-build';
import type { JsonCeilingReport, JsonDependency } from '../json-output';
import { findService } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { renderItems } from '../text-output';
import { withWorkspace, type CliContext, type CliCore } from '../session';

type AddOptions = CommonOptions & { workspace: string; service: string; on: string; redundancyGroup?: string };
type RemoveOptions = CommonOptions & { workspace: string; service: string; on: string };
type ListOptions = CommonOptions & { workspace: string; service?: string };
type CeilingOptions = CommonOptions & { workspace: string; service: string };

/** Dependency edges as aligned rows: service, arrow and target, how, and the SLO the target promises. */
export function dependencyLines(deps: JsonDependency[]): string[] {
  return renderItems(
    deps.map((d) => ({
      row: [
        d.service,
        `→ ${d.on}`,
        d.redundancyGroup === null ? 'hard' : `redundancy group "${d.redundancyGroup}"`,
        d.slo === null ? 'no availability SLO' : `SLO ${d.slo} %`,
      ],
    })),
  );
}

/** The ceiling report for people: the ceiling, each factor, the product, ignored dependencies, the verdict and the warning. */
export function ceilingLines(report: Omit<JsonCeilingReport, 'format' | 'ok' | 'command'>): string[] {
  if (report.factors.length === 0 && report.ignored.length === 0) return [`${report.service} depends on nothing, so nothing limits its SLO`];
  const lines = [
    `${report.service}: availability ceiling ${report.ceiling === null ? 'unknown (no dependency has an availability SLO)' : `${report.ceiling.percent} %`}`,
  ];
  lines.push(
    ...renderItems(
      report.factors.map((f) => ({
        row:
          f.kind === 'hard' ? ['  hard', f.service, `SLO ${f.percent} %`] : ['  group', `${f.name} (${f.members.map((m) => m.service).join(', ')})`, f.formula],
      })),
    ),
  );
  if (report.formula !== null) lines.push(`  ceiling = ${report.formula}`);
  for (const name of report.ignored) lines.push(`  ignored: ${ignoredDependencyText(name)}`);
  const verdict =
    report.slo === null
      ? 'no availability SLO to check'
      : report.status === 'unknown'
        ? 'nothing to check it against'
        : report.feasible
          ? 'feasible'
          : 'not feasible';
  lines.push(`SLO ${report.slo === null ? '—' : `${report.slo} %`}: ${verdict}`);
  if (report.warning !== null) lines.push(`warning: ${report.warning}`);
  return lines;
}

async function changed(core: CliCore, service: Service, command: 'dependency add' | 'dependency remove', headline: string) {
  const all = await core.call('catalog/list', {});
  const now = all.find((s) => s.id === service.id)!;
  const dependencies = toJsonDependencies([now], all);
  return { json: { ...envelope(command), service: now.name, dependencies }, text: [headline, ...dependencyLines(dependencies)] };
}

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and findService.
/** Registers `dependency add|remove|list` and `ceiling`; services are addressed by name, case-insensitively. */
export function registerDependencyCommands(program: Command, ctx: CliContext): void {
  const dependency = program.command('dependency').description('add, remove and list what services depend on');

  dependency
    .command('add')
    .description('make a service depend on another, hard (in series) or in a redundancy group; adding again changes the group')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'the service that depends (case-insensitive)')
    .requiredOption('--on <name>', 'the service it depends on (case-insensitive)')
    .option('--redundancy-group <group>', 'name of the redundancy group (in parallel); omit for a hard dependency')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], AddOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const on = await findService(core, options.on, '--on');
          const redundancyGroup = options.redundancyGroup ?? null;
          // A refused cycle is about the graph, not a mistyped option, so its message is printed without an option.
          await core.call('dependency/add', { serviceId: service.id, dependsOnId: on.id, redundancyGroup }, { redundancyGroup: '--redundancy-group' });
          const how = redundancyGroup === null ? '' : ` (redundancy group "${redundancyGroup.trim()}")`;
          return changed(core, service, 'dependency add', `${service.name} now depends on ${on.name}${how}`);
        }),
      ),
    );

  dependency
    .command('remove')
    .description('remove a dependency')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'the service that depends (case-insensitive)')
    .requiredOption('--on <name>', 'the service it no longer depends on (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], RemoveOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const on = await findService(core, options.on, '--on');
          await core.call('dependency/remove', { serviceId: service.id, dependsOnId: on.id }, { dependsOnId: '--on' });
          return changed(core, service, 'dependency remove', `${service.name} no longer depends on ${on.name}`);
        }),
      ),
    );

  dependency
    .command('list')
    .description('list the dependencies of every service, or of one')
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--service <name>', 'only this service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], ListOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const all = await core.call('catalog/list', {});
          const of = options.service === undefined ? all : [await findService(core, options.service)];
          const dependencies = toJsonDependencies(of, all);
          const text =
            dependencies.length > 0
              ? dependencyLines(dependencies)
              : [
                  `${options.service === undefined ? 'No service' : of[0]!.name} depends on nothing yet. Add one with: slo-workbench dependency add --workspace FILE --service A --on B`,
                ];
          return { json: { ...envelope('dependency list'), dependencies }, text };
        }),
      ),
    );

  program
    .command('ceiling')
    .description("show the availability a service's dependencies allow, its factors, and whether its SLO fits")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], CeilingOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const report = toJsonCeiling(service, await core.call('catalog/list', {}));
          return { json: { ...envelope('ceiling'), ...report }, text: ceilingLines(report) };
        }),
      ),
    );
}
