import type { Command } from 'commander';
import { eventsCountedPhrase } from '#shared/analysis/backtest';
import { formatDuration } from '#shared/budget/alerts';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS } from '#shared/domain/types';
import type { BacktestReport } from '#shared/ipc/contract';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext, type CliCore } from '../session';

type BacktestOptions = CommonOptions & { workspace: string; service: string; sli: string; series?: string; withExclusions?: boolean };

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const minutes = (ms: number) => formatDuration(Math.max(1, Math.round(ms / 60_000)));

/**
 * The backtest for people: per tier (naming its alert set when it is not the report's), every alert episode and every
 * budget-eating event with its detection delay (counted as the tier counts: by events, or in its slices, said on a line
 * of its own). An alert fires when both windows burn above its factor (`>`).
 */
export function backtestLines(r: BacktestReport): string[] {
  const lines = [`Alert set "${r.setName}" replayed over ${time(r.startMs)} → ${time(r.endMs)} UTC${r.excluding ? ', excluded periods left out' : ''}`];
  for (const t of r.tiers) {
    lines.push(
      `${TIER_LABELS[t.tier]} ${formatPpmPercent(t.targetPpm)} %: ${t.pages} page${t.pages === 1 ? '' : 's'}, ${t.tickets} ticket${t.tickets === 1 ? '' : 's'}; ` +
        `${t.events.length} budget-eating event${t.events.length === 1 ? '' : 's'}, ${t.missed} missed` +
        (t.medianDelayMs === null ? '' : `, median detection delay ${minutes(t.medianDelayMs)}`) +
        (t.setName === r.setName ? '' : `, alert set "${t.setName}"`),
    );
    const counted = eventsCountedPhrase(t, TIER_LABELS[t.tier]);
    if (counted) lines.push(`  ${counted}`);
    for (const f of t.firings) {
      lines.push(
        `  ${f.severity} (${f.speed}, ${formatDuration(f.longMinutes)}/${formatDuration(f.shortMinutes)} > ${f.factor.toFixed(2)}×): fired ${time(f.firedMs)}, ` +
          (f.resolvedMs === null ? 'still firing at the end' : `resolved ${time(f.resolvedMs)} (after ${minutes(f.resolvedMs - f.firedMs)})`) +
          `, peak burn ${f.peakBurnRate.toFixed(1)}×`,
      );
    }
    for (const e of t.events) {
      lines.push(
        `  event ${time(e.startMs)} → ${time(e.endMs)}: ${(e.budgetShare * 100).toFixed(1)} % of a period's budget, ` +
          (e.detectedBy === null ? 'MISSED (no alert fired)' : `${e.detectedBy} after ${minutes(e.delayMs ?? 0)}`),
      );
    }
  }
  return lines;
}

/** Registers `backtest`: replays each tier's multi-window burn-rate alerts over the SLI's imported history. */
export function registerBacktestCommand(program: Command, ctx: CliContext): void {
  program
    .command('backtest')
    .description(
      "replay each tier's burn-rate alerts over an SLI's history: when pages and tickets fire and resolve, and the detection delay of each budget-eating event",
    )
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--series <name>', 'imported series to use (e.g. one Upptime monitor); default: the latest import')
    .option('--with-exclusions', 'keep the excluded periods in (they are left out by default)')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], BacktestOptions>(ctx, (options) =>
        withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          const seriesId = options.series === undefined ? null : await findSeries(core, sli.id, options.series);
          const r = await core.call('analysis/backtest', { sliId: sli.id, excluding: !options.withExclusions, seriesId });
          return {
            json: { ...envelope('backtest'), service: service.name, sli: sli.name, backtest: r },
            text: [`${service.name} / ${sli.name}`, ...backtestLines(r)],
          };
        }),
      ),
    );
}

/** The id of the imported series with this name (case-insensitive), latest import first. */
export async function findSeries(core: CliCore, sliId: number, name: string): Promise<number> {
  const available = (await core.call('import/list', { sliId })).flatMap((i) => i.series);
  const match = [...available].reverse().find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  if (!match)
    refuse(
      'NOT_FOUND',
      `No imported series is named "${name}"; there are ${available
        .slice(0, 10)
        .map((s) => `"${s.name}"`)
        .join(', ')}`,
      'series',
      '--series',
    );
  return match.seriesId;
}
