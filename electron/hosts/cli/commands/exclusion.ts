import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { EXCLUSION_CATEGORIES, EXCLUSION_CATEGORY_LABELS, type Exclusion, type ExclusionCategory } from '#shared/analysis/exclusions';
import { formatDuration, parseDuration } from '#shared/budget/alerts';
import { isKnownTimeZone } from '#shared/budget/calendar';
import type { Service } from '#shared/domain/types';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { JSON_HELP, checked, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';

type AddOptions = CommonOptions & {
  workspace: string;
  service: string;
  sli?: string;
  start: string;
  duration: string;
  timezone: string;
  every?: string;
  category: string;
  reason: string;
};
type ListOptions = CommonOptions & { workspace: string; service: string };
type RemoveOptions = CommonOptions & { workspace: string; id: string };

/** One exclusion as a line: id, when (in its zone), how long, how often, category, scope and reason. */
export function exclusionLine(e: Exclusion, service: Service): string {
  const start = DateTime.fromMillis(e.startMs, { zone: e.timeZone }).toFormat('yyyy-MM-dd HH:mm');
  const scope = e.sliId === null ? 'all SLIs' : `SLI ${service.slis.find((s) => s.id === e.sliId)?.name ?? e.sliId}`;
  const when = e.rrule ? `from ${start} ${e.timeZone}, repeating ${e.rrule}` : `${start} ${e.timeZone}`;
  return `  #${e.id} ${when} for ${formatDuration(e.durationMinutes)}; ${EXCLUSION_CATEGORY_LABELS[e.category]}; ${scope}; ${e.reason || '(no reason given)'}`;
}

// Each command spells out its options as its --help shows them (alike across commands on purpose); the steps they share are runAction, withWorkspace and findService.
/** Registers `exclusion add|list|remove`: periods left out of the history analysis, one-off or recurring (RRULE). */
export function registerExclusionCommands(program: Command, ctx: CliContext): void {
  const exclusion = program.command('exclusion').description('periods left out of the history analysis: maintenance windows, outside incidents, bad data');

  exclusion
    .command('add')
    .description('exclude a period, once or recurring')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .option('--sli <name>', 'only this SLI of the service (default: all its SLIs)')
    .requiredOption('--start <time>', 'first start, local time in --timezone, e.g. 2026-03-01T02:00')
    .requiredOption('--duration <d>', 'length of each occurrence, e.g. 30m, 2h, 1d')
    .option('--timezone <zone>', 'IANA time zone the times are in', 'UTC')
    .option('--every <rrule>', 'RFC 5545 recurrence rule, e.g. "FREQ=WEEKLY;BYDAY=SU"')
    .option('--category <c>', `one of ${EXCLUSION_CATEGORIES.join(', ')}`, 'maintenance')
    .option('--reason <text>', 'why the period is left out', '')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], AddOptions>(ctx, (options) => {
        if (!isKnownTimeZone(options.timezone)) refuse('INVALID_ARGUMENT', 'Time zone must be an IANA name such as Europe/Berlin', 'timeZone', '--timezone');
        const start = DateTime.fromISO(options.start, { zone: options.timezone });
        if (!start.isValid) refuse('INVALID_ARGUMENT', `"${options.start}" is not a time such as 2026-03-01T02:00`, 'startMs', '--start');
        const durationMinutes = checked(parseDuration(options.duration), 'durationMinutes', '--duration');
        if (!(EXCLUSION_CATEGORIES as readonly string[]).includes(options.category)) {
          refuse('INVALID_ARGUMENT', `Category must be one of ${EXCLUSION_CATEGORIES.join(', ')}`, 'category', '--category');
        }
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sliId = options.sli === undefined ? null : findSli(service, options.sli).id;
          const added = await core.call(
            'exclusion/add',
            {
              serviceId: service.id,
              sliId,
              exclusion: {
                category: options.category as ExclusionCategory,
                reason: options.reason,
                startMs: start.toMillis(),
                durationMinutes,
                rrule: options.every ?? null,
                timeZone: options.timezone,
              },
            },
            { startMs: '--start', durationMinutes: '--duration', rrule: '--every', reason: '--reason', sliId: '--sli' },
          );
          return {
            json: { ...envelope('exclusion add'), service: service.name, exclusion: added },
            text: [`Excluded from ${service.name}:`, exclusionLine(added, service)],
          };
        });
      }),
    );

  exclusion
    .command('list')
    .description("list a service's exclusions")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], ListOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const list = await core.call('exclusion/list', { serviceId: service.id });
          const text =
            list.length === 0
              ? [`${service.name} has no exclusions`]
              : [`${service.name}: ${list.length} exclusion${list.length === 1 ? '' : 's'}`, ...list.map((e) => exclusionLine(e, service))];
          return { json: { ...envelope('exclusion list'), service: service.name, exclusions: list }, text };
        }),
      ),
    );

  exclusion
    .command('remove')
    .description('remove an exclusion by its id (see exclusion list)')
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--id <n>', 'exclusion id')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], RemoveOptions>(ctx, (options) => {
        const id = Number(options.id);
        if (!Number.isInteger(id) || id <= 0) refuse('INVALID_ARGUMENT', 'The id is a positive whole number', 'id', '--id');
        return withWorkspace(ctx, options.workspace, async (core) => {
          await core.call('exclusion/delete', { id }, { id: '--id' });
          return { json: { ...envelope('exclusion remove'), id }, text: [`Removed exclusion #${id}`] };
        });
      }),
    );
}
