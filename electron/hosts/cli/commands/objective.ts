import type { Command } from 'commander';
import { parseTargetPercent } from '#shared/domain/percent';
import { DEFAULT_TIMESLICE, TIER_LABELS } from '#shared/domain/types';
import { checkMethod, checkSliceMinutes, checkSliceTarget, checkThresholdMs, checkTier } from '#shared/domain/validation';
import { parseWindowSpec } from '#shared/domain/window';
import { envelope, toJsonSli } from '../json-build';
import { findService, findSli } from '../lookup';
import { checked, runAction, type CommonOptions } from '../output';
import { renderItems, sliItems } from '../text-output';
import { refuse, withWorkspace, type CliContext } from '../session';

type ObjectiveOptions = CommonOptions & {
  workspace: string;
  service: string;
  sli: string;
  tier: string;
  target: string;
  window: string;
  method: string;
  slice?: string;
  sliceTarget?: string;
  thresholdMs?: string;
};

/** Registers `objective set`, which sets (or replaces) one tier of an SLI. */
export function registerObjectiveCommands(program: Command, ctx: CliContext): void {
  const objective = program.command('objective').description('set the tiers (SLA, SLO, performance target) of an SLI');

  objective
    .command('set')
    .description("set one tier of an SLI; prints the SLI's ladder and any ordering warnings")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .requiredOption('--tier <tier>', 'sla, slo or target (also: performance)')
    .requiredOption('--target <percent>', 'target percentage, e.g. 99.9 (at most 4 decimals)')
    .requiredOption('--window <window>', 'rolling days such as 30d or 4w, or calendar-week|month|quarter|year[:ZONE], e.g. calendar-month:Europe/Berlin')
    .option('--method <method>', 'occurrences, timeslices or ratio-timeslices', 'occurrences')
    .option('--slice <duration>', 'slice length of the time-slice methods, whole minutes such as 1m, 5m or 1h (default 1m)')
    .option('--slice-target <percent>', 'share of good events that makes a slice good under timeslices (default 95)')
    .option('--threshold-ms <ms>', "latency threshold of this tier (latency SLIs; defaults to the SLI's)")
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], ObjectiveOptions>(ctx, (options) => {
        // Parsed with the same functions as the UI form, before the workspace is opened, so messages match.
        const tier = checked(checkTier(options.tier), 'tier', '--tier');
        const targetPpm = checked(parseTargetPercent(options.target), 'targetPpm', '--target');
        const window = checked(parseWindowSpec(options.window), 'window', '--window');
        const method = checked(checkMethod(options.method), 'method', '--method');
        if (method === 'occurrences' && (options.slice !== undefined || options.sliceTarget !== undefined)) {
          refuse('INVALID_ARGUMENT', '--slice and --slice-target apply to the timeslices and ratio-timeslices methods only', 'method', '--method');
        }
        const timeslice =
          method === 'occurrences'
            ? null
            : {
                sliceMinutes:
                  options.slice === undefined ? DEFAULT_TIMESLICE.sliceMinutes : checked(checkSliceMinutes(options.slice), 'timeslice.sliceMinutes', '--slice'),
                sliceTargetPpm:
                  options.sliceTarget === undefined
                    ? DEFAULT_TIMESLICE.sliceTargetPpm
                    : checked(checkSliceTarget(options.sliceTarget), 'timeslice.sliceTargetPpm', '--slice-target'),
              };
        const latencyThresholdMs =
          options.thresholdMs === undefined ? null : checked(checkThresholdMs(options.thresholdMs), 'latencyThresholdMs', '--threshold-ms');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          const updated = toJsonSli(await core.call('objective/set', { sliId: sli.id, tier, targetPpm, window, method, timeslice, latencyThresholdMs }));
          return {
            json: { ...envelope('objective set'), service: service.name, sli: updated },
            text: [`Set ${TIER_LABELS[tier]} of ${service.name} / ${updated.name}`, ...renderItems(sliItems(service.name, updated))],
          };
        });
      }),
    );
}
