import type { Command } from 'commander';
import { checkTier } from '#shared/domain/validation';
import { checkReviewMonths } from '#shared/review/cadence';
import { envelope } from '../json-build';
import { findService } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { statusText } from '../review-text';
import { withWorkspace, type CliContext } from '../session';

type StatusOptions = CommonOptions & { workspace: string; service?: string };
type PeriodOptions = CommonOptions & { workspace: string; service: string; tier: string; months: string };

// Each command spells out its options as its --help shows them (alike across commands on purpose).
/** Registers `review status|set-period`: when each tier of each service is reviewed again, for a scheduled CI job. */
export function registerReviewCommands(program: Command, ctx: CliContext): void {
  const review = program.command('review').description('review cadence: the SLA and SLO yearly, the performance target quarterly, per service');

  review
    .command('status')
    .description("each service's next review per tier; exits 1 when a review is overdue, naming each service and tier")
    .requiredOption('--workspace <file>', 'workspace file')
    .option('--service <name>', 'only this service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], StatusOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const serviceId = options.service === undefined ? null : (await findService(core, options.service)).id;
          const status = await core.call('review/status', { serviceId });
          return { json: { ...envelope('review status'), ...status }, text: statusText(status), exitCode: status.overdue > 0 ? 1 : undefined };
        }),
      ),
    );

  review
    .command('set-period')
    .description('set how often a tier of a service is reviewed, in months (default: SLA and SLO 12, performance target 3)')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--tier <tier>', 'sla, slo or target (also: performance)')
    .requiredOption('--months <n>', 'months between reviews, 1 to 60, or "default"')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], PeriodOptions>(ctx, (options) => {
        const tier = checked(checkTier(options.tier), 'tier', '--tier');
        const months = options.months.trim() === 'default' ? null : checked(checkReviewMonths(Number(options.months)), 'months', '--months');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const one = await core.call('review/set-period', { serviceId: service.id, tier, months });
          const status = { today: (await core.call('review/status', { serviceId: service.id })).today, services: [one], overdue: one.overdue ? 1 : 0 };
          return { json: { ...envelope('review set-period'), ...status }, text: statusText(status) };
        });
      }),
    );
}
