import type { Command } from 'commander';
import { TIER_LABELS } from '#shared/domain/types';
import { checkName, checkSliKind, checkThresholdMs } from '#shared/domain/validation';
import { envelope, toJsonSli } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { renderItems } from '../text-output';
import { withWorkspace, type CliContext } from '../session';

type SliAddOptions = CommonOptions & { workspace: string; service: string; kind: string; thresholdMs?: string };
type SliListOptions = CommonOptions & { workspace: string; service: string };

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and findService.
/** Registers `sli add` and `sli list`. */
export function registerSliCommands(program: Command, ctx: CliContext): void {
  const sli = program.command('sli').description('add and list the SLIs of a service');

  sli
    .command('add')
    .description('add an SLI to a service')
    .argument('<sli>', 'name of the new SLI (unique within the service)')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service the SLI belongs to (case-insensitive)')
    .option('--kind <kind>', 'availability or latency', 'availability')
    .option('--threshold-ms <ms>', 'latency threshold in milliseconds (required for latency SLIs)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string], SliAddOptions>(ctx, (name, options) => {
        // Everything typed is checked before the workspace is opened, with the UI form's messages.
        checked(checkName(name, 'SLI name'), 'name', 'SLI');
        const kind = checked(checkSliKind(options.kind), 'kind', '--kind');
        const latencyThresholdMs =
          options.thresholdMs === undefined ? null : checked(checkThresholdMs(options.thresholdMs), 'latencyThresholdMs', '--threshold-ms');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const created = toJsonSli(await core.call('sli/create', { serviceId: service.id, name, kind, latencyThresholdMs }, { name: 'SLI' }));
          const threshold = created.latencyThresholdMs === null ? '' : ` (threshold ${created.latencyThresholdMs} ms)`;
          return {
            json: { ...envelope('sli add'), service: service.name, sli: created },
            text: [`Added ${created.kind} SLI ${service.name} / ${created.name}${threshold}`],
          };
        });
      }),
    );

  sli
    .command('list')
    .description('list the SLIs of a service with their tiers')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], SliListOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const slis = service.slis.map(toJsonSli);
          const text =
            slis.length === 0
              ? [`${service.name} has no SLIs yet. Add one with: slo-workbench sli add --workspace FILE --service NAME SLI`]
              : renderItems(
                  slis.map((s) => ({
                    row: [
                      s.name,
                      s.kind,
                      s.latencyThresholdMs === null ? '' : `≤ ${s.latencyThresholdMs} ms`,
                      s.tiers.length === 0 ? 'no tiers set' : s.tiers.map((t) => `${TIER_LABELS[t.tier]} ${t.target} %`).join(', '),
                    ],
                  })),
                );
          return { json: { ...envelope('sli list'), service: service.name, slis }, text };
        }),
      ),
    );
}
