import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { formatCount, formatMinutes, MINUTES_PER_DAY } from '#shared/budget/budget';
import { POLICY_STATES, STATE_LABELS } from '#shared/budget/policy';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS } from '#shared/domain/types';
import { INJECTION_REPEATS, type Injection, type InjectionRepeat } from '#shared/simulation/injection';
import type { ReplayReport, ReplaySide } from '#shared/simulation/replay-report';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace } from '../session';
import type { CliContext } from '../session';
import { findSeries } from './backtest';

type ReplayOptions = CommonOptions & {
  workspace: string;
  service: string;
  sli: string;
  inject: string[];
  from?: string;
  to?: string;
  series?: string;
  withExclusions?: boolean;
};

const INJECT_FORMAT = 'name,start,minutes,errorRate[,once|daily|weekly]';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const percent = (share: number, digits: number) => (Number.isNaN(share) ? 'no traffic' : `${(share * 100).toFixed(digits)} %`);

/** A UTC time given as ISO 8601 (2026-01-12T14:00, or with its own offset), for an option or an --inject field. */
function utcTime(text: string, option: string, field: string): number {
  const t = DateTime.fromISO(text.trim(), { zone: 'utc' });
  if (!t.isValid) refuse('INVALID_ARGUMENT', `"${text}" is not a time such as 2026-01-12T14:00 (UTC unless it gives its offset)`, field, option);
  return t.toMillis();
}

/**
 * One --inject value, "name,start,minutes,errorRate[,repeat]": the error rate as a share (0.3) or a percentage (30%).
 * The ranges are the core's to check, which names the field.
 */
export function parseInjection(text: string): Injection {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < 4 || parts.length > 5) refuse('INVALID_ARGUMENT', `"${text}" is not ${INJECT_FORMAT}`, 'injections', '--inject');
  const [name, start, minutes, rate, repeat = 'once'] = parts as [string, string, string, string, string?];
  const durationMinutes = Number(minutes);
  if (minutes === '' || !Number.isFinite(durationMinutes))
    refuse('INVALID_ARGUMENT', `"${minutes}" in "${text}" is not a number of minutes`, 'durationMinutes', '--inject');
  const share = rate.endsWith('%') ? Number(rate.slice(0, -1)) / 100 : Number(rate);
  if (rate === '' || !Number.isFinite(share))
    refuse('INVALID_ARGUMENT', `"${rate}" in "${text}" is not an error rate such as 0.3 or 30%`, 'errorRate', '--inject');
  if (!(INJECTION_REPEATS as readonly string[]).includes(repeat))
    refuse('INVALID_ARGUMENT', `"${repeat}" in "${text}" is not one of ${INJECTION_REPEATS.join(', ')}`, 'repeat', '--inject');
  return { name, startMs: utcTime(start, '--inject', 'startMs'), durationMinutes, errorRate: share, repeat: repeat as InjectionRepeat };
}

/** Time in each policy state that was reached, "healthy 4.58 d, critical 28 min, exhausted 2.39 d". */
function policyTime(side: ReplaySide): string {
  const policy = side.policy!;
  return POLICY_STATES.filter((s) => policy.daysIn[s] > 0)
    .map((s) => `${STATE_LABELS[s].toLowerCase()} ${formatMinutes(policy.daysIn[s] * MINUTES_PER_DAY)}`)
    .join(', ');
}

/** One figure as it was and, when events were injected, with them: "0.0 % → 134.4 %". */
const beside = (plain: string, modified: string, injected: boolean) => (injected ? `${plain} → ${modified}` : plain);

/** The replay for people: the window, what each injected event added, and per tier the history as it was → with the events. */
export function replayLines(r: ReplayReport): string[] {
  const injected = r.injections.length > 0;
  const lines = [`Replay of ${time(r.fromMs)} → ${time(r.toMs)} UTC${r.excluding ? ', excluded periods left out' : ''}; alert set "${r.setName}"`];
  for (const i of r.injections) {
    lines.push(
      `Injected "${i.name}" ${time(i.startMs)} UTC, ${i.durationMinutes} min at ${Number((i.errorRate * 100).toFixed(4))} % errors` +
        `${i.repeat === 'once' ? '' : `, ${i.repeat}`}: ${i.occurrences} occurrence${i.occurrences === 1 ? '' : 's'} in the window, ` +
        `${formatCount(i.addedBadEvents)} bad events added`,
    );
  }
  lines.push(injected ? 'As it was → with the injected events:' : 'No events injected; the history as it was:');
  r.plain.tiers.forEach((p, k) => {
    const m = r.modified.tiers[k]!;
    const met = (t: typeof p) => (t.met ? 'met' : 'missed');
    lines.push(
      `${TIER_LABELS[p.tier]} ${formatPpmPercent(p.targetPpm)} %: SLI ${beside(percent(p.sli, 4), percent(m.sli, 4), injected)}, ` +
        `budget spent ${beside(percent(p.budgetConsumed, 1), percent(m.budgetConsumed, 1), injected)}, ${beside(met(p), met(m), injected)}; ` +
        `pages ${beside(`${p.pages}`, `${m.pages}`, injected)}, tickets ${beside(`${p.tickets}`, `${m.tickets}`, injected)}`,
    );
  });
  if (r.plain.policy) lines.push(`Policy of the SLO's budget: ${beside(policyTime(r.plain), policyTime(r.modified), injected)}`);
  return lines;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Registers `replay`: a window of the SLI's history as it was and with injected events, side by side. */
export function registerReplayCommand(program: Command, ctx: CliContext): void {
  program
    .command('replay')
    .description("replay a window of an SLI's history with injected events (a bad deploy, a weekly batch): budget, alerts and policy as it was and with them")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--inject <event>', `an event to inject, ${INJECT_FORMAT}, start in UTC (repeatable)`, collect, [])
    .option('--from <time>', 'window start, UTC (default: the last SLO window of the history)')
    .option('--to <time>', 'window end, UTC (default: the end of the history)')
    .option('--series <name>', 'imported series to use (e.g. one Upptime monitor); default: the latest import')
    .option('--with-exclusions', 'keep the excluded periods in (they are left out by default)')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], ReplayOptions>(ctx, (options) => {
        // The events and times are read before the workspace is opened.
        const injections = options.inject.map(parseInjection);
        const fromMs = options.from === undefined ? null : utcTime(options.from, '--from', 'fromMs');
        const toMs = options.to === undefined ? null : utcTime(options.to, '--to', 'toMs');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          const seriesId = options.series === undefined ? null : await findSeries(core, sli.id, options.series);
          const r = await core.call(
            'simulation/replay',
            { sliId: sli.id, seriesId, fromMs, toMs, injections, excluding: !options.withExclusions },
            { sliId: '--sli', seriesId: '--series', fromMs: '--from', toMs: '--to', '*': '--inject' },
          );
          return {
            json: { ...envelope('replay'), service: service.name, sli: sli.name, replay: r },
            text: [`${service.name} / ${sli.name}`, ...replayLines(r)],
          };
        });
      }),
    );
}
