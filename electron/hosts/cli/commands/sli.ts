import type { Command } from 'commander';
import { KIND_WORDING, SLI_KINDS, TIER_LABELS, type Sli } from '#shared/domain/types';
import { checkName, checkSliKind, checkThresholdMs } from '#shared/domain/validation';
import { envelope, toJsonSli } from '../json-build';
import { findService, findSli } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { renderItems } from '../text-output';
import { refuse, withWorkspace, type CliContext } from '../session';
import { detailsOf, SLI_DETAIL_LABELS, withDetailOptions, type SliDetailOptions } from './sli-details';

type SliAddOptions = CommonOptions & SliDetailOptions & { workspace: string; service: string; kind: string; thresholdMs?: string };
type SliUpdateOptions = CommonOptions &
  SliDetailOptions & { workspace: string; service: string; name?: string; thresholdMs?: string; clearQueries?: boolean; clearHistogram?: boolean };
type SliListOptions = CommonOptions & { workspace: string; service: string };

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and findService.
/** The lines `sli add` and `sli update` print about what an SLI is measured by. */
function detailLines(sli: Sli): string[] {
  const lines: string[] = [];
  const wording = sli.wording ?? KIND_WORDING[sli.kind];
  lines.push(`  measures ${wording.good} of all ${wording.total}`);
  if (sli.freshnessMaxAgeMs !== null) lines.push(`  fresh when newer than ${sli.freshnessMaxAgeMs} ms`);
  const q = sli.queries;
  if (q?.form === 'good-total') lines.push(`  good:  ${q.good}`, `  total: ${q.total}`);
  if (q?.form === 'bad-total') lines.push(`  bad:   ${q.bad}`, `  total: ${q.total}`);
  if (q?.form === 'error-ratio') lines.push(`  error ratio: ${q.errorRatio}`);
  if (sli.histogram) lines.push(`  histogram: ${sli.histogram.metric}_bucket{le="${sli.histogram.le}"}`);
  return lines;
}

/** Registers `sli add`, `sli update` and `sli list`. */
export function registerSliCommands(program: Command, ctx: CliContext): void {
  const sli = program.command('sli').description('add and list the SLIs of a service');

  withDetailOptions(
    sli
      .command('add')
      .description('add an SLI to a service')
      .argument('<sli>', 'name of the new SLI (unique within the service)')
      .requiredOption('--workspace <file>', 'workspace file')
      .requiredOption('--service <name>', 'service the SLI belongs to (case-insensitive)')
      .option('--kind <kind>', `${SLI_KINDS.join(', ')}`, 'availability')
      .option('--threshold-ms <ms>', 'latency threshold in milliseconds (required for latency SLIs)'),
  )
    .option('--json', JSON_HELP)
    .action(
      runAction<[string], SliAddOptions>(ctx, (name, options) => {
        // Everything typed is checked before the workspace is opened, with the UI form's messages.
        checked(checkName(name, 'SLI name'), 'name', 'SLI');
        const kind = checked(checkSliKind(options.kind), 'kind', '--kind');
        const latencyThresholdMs =
          options.thresholdMs === undefined ? null : checked(checkThresholdMs(options.thresholdMs), 'latencyThresholdMs', '--threshold-ms');
        const details = detailsOf(options);
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const stored = await core.call(
            'sli/create',
            { serviceId: service.id, name, kind, latencyThresholdMs, ...details },
            { name: 'SLI', ...SLI_DETAIL_LABELS },
          );
          const created = toJsonSli(stored);
          const threshold = created.latencyThresholdMs === null ? '' : ` (threshold ${created.latencyThresholdMs} ms)`;
          return {
            json: { ...envelope('sli add'), service: service.name, sli: created },
            text: [`Added ${created.kind} SLI ${service.name} / ${created.name}${threshold}`, ...detailLines(stored)],
          };
        });
      }),
    );

  withDetailOptions(
    sli
      .command('update')
      .description('change an SLI: its name, threshold, wording, queries or histogram (what is not given stays as it is)')
      .argument('<sli>', 'the SLI (case-insensitive)')
      .requiredOption('--workspace <file>', 'workspace file')
      .requiredOption('--service <name>', 'service the SLI belongs to (case-insensitive)')
      .option('--name <name>', 'a new name')
      .option('--threshold-ms <ms>', 'latency SLIs: a new threshold in milliseconds'),
  )
    .option('--clear-queries', 'remove the Prometheus queries')
    .option('--clear-histogram', 'remove the histogram metric')
    .option('--json', JSON_HELP)
    .action(
      runAction<[string], SliUpdateOptions>(ctx, (sliName, options) => {
        const name = options.name === undefined ? undefined : checked(checkName(options.name, 'SLI name'), 'name', '--name');
        const latencyThresholdMs =
          options.thresholdMs === undefined ? undefined : checked(checkThresholdMs(options.thresholdMs), 'latencyThresholdMs', '--threshold-ms');
        const details = detailsOf(options);
        if (options.clearQueries && details.queries) refuse('INVALID_ARGUMENT', 'Give new queries or --clear-queries, not both', 'queries', '--clear-queries');
        if (options.clearHistogram && details.histogram) {
          refuse('INVALID_ARGUMENT', 'Give a new histogram or --clear-histogram, not both', 'histogram', '--clear-histogram');
        }
        const changes = {
          ...(name === undefined ? {} : { name }),
          ...(latencyThresholdMs === undefined ? {} : { latencyThresholdMs }),
          ...details,
          ...(options.clearQueries ? { queries: null } : {}),
          ...(options.clearHistogram ? { histogram: null } : {}),
        };
        if (Object.keys(changes).length === 0) {
          refuse('INVALID_ARGUMENT', 'Nothing to change: give --name, --threshold-ms, a wording, queries, a histogram or a --clear option', 'sliId', '<sli>');
        }
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const target = findSli(service, sliName);
          const stored = await core.call('sli/update', { sliId: target.id, ...changes }, { name: '--name', ...SLI_DETAIL_LABELS });
          return {
            json: { ...envelope('sli update'), service: service.name, sli: toJsonSli(stored) },
            text: [`Updated ${stored.kind} SLI ${service.name} / ${stored.name}`, ...detailLines(stored)],
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
