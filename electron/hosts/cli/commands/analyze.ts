import type { Command } from 'commander';
import { countingPhrase } from '#shared/analysis/history';
import { thresholdsPhrase } from '#shared/analysis/latency';
import { formatPpmPercent } from '#shared/domain/percent';
import { METHOD_LABELS, TIER_LABELS } from '#shared/domain/types';
import { parseWindowSpec } from '#shared/domain/window';
import type { HistoryReport, HistoryVariant } from '#shared/ipc/contract';
import { utcText } from '#shared/domain/utc-text';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { checked, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';
import { findSeries } from './backtest';

type AnalyzeOptions = CommonOptions & { workspace: string; service: string; sli: string; window: string; series?: string };

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(4)} %` : '—');
const day = (ms: number | null) => utcText(ms, 'day');

/** One variant of the analysis for people: rolling windows, each tier's fit and budget windows, the recommendation. */
export function variantLines(r: HistoryVariant, windowDays: number, heading: string): string[] {
  // Figures counted in slices say so; a tier counted otherwise than the headline (the SLO) gives its own worst window.
  const counted = r.method === 'occurrences' ? '' : `, counted ${countingPhrase(r)}`;
  const lines = [
    `  ${heading}: ${r.windows} complete ${windowDays}-day windows${counted}; overall ${pct(r.overall)}, worst window ${pct(r.worst)}, best ${pct(r.best)}`,
    ...r.tiers.map(
      (t) =>
        `    ${TIER_LABELS[t.tier]} ${formatPpmPercent(t.targetPpm)} %: met in ${t.met} of ${t.windows} windows (${(t.share * 100).toFixed(1)} %)` +
        (t.method === r.method ? '' : `; counted as ${METHOD_LABELS[t.method]}, worst window ${pct(t.worst)}`),
    ),
  ];
  for (const t of r.tiers) {
    const windows = r.windowsByTier[t.tier] ?? [];
    if (windows.length === 0) continue;
    lines.push(`    ${TIER_LABELS[t.tier]} budget windows:`);
    for (const w of windows) {
      const top = w.topEvents[0];
      lines.push(
        `      ${w.label}${w.complete ? '' : ' (partial)'}: ${pct(w.sli)}, ${w.met ? 'met' : 'MISSED'}, ${(w.budgetConsumed * 100).toFixed(1)} % of budget spent` +
          (top ? `; largest event ${utcText(top.startMs, 'minute')} (${(top.budgetShare * 100).toFixed(1)} %)` : ''),
      );
    }
  }
  if (r.recommendation) lines.push(`    recommended SLO: ${formatPpmPercent(r.recommendation.targetPpm)} %: ${r.recommendation.explanation}`);
  if (r.stretch && r.recommendation && r.stretch.targetPpm > r.recommendation.targetPpm) {
    lines.push(`    performance target to aim for: ${formatPpmPercent(r.stretch.targetPpm)} %: ${r.stretch.explanation}`);
  }
  return lines;
}

/** Registers `analyze`, which reads an SLI's imported history against its tiers. */
export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description("how an SLI's imported history fares against its tiers over a rolling window, and a target it supports")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--window <days>', 'rolling window, e.g. 30d or 4w', '30d')
    .option('--series <name>', 'imported series to use (e.g. one Upptime monitor); default: the latest import')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], AnalyzeOptions>(ctx, (options) => {
        const window = checked(parseWindowSpec(options.window), 'window', '--window');
        if (window.kind !== 'rolling') refuse('INVALID_ARGUMENT', 'analyze reads rolling windows, such as 30d', 'window', '--window');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          const seriesId = options.series === undefined ? null : await findSeries(core, sli.id, options.series);
          const r: HistoryReport = await core.call('analysis/sli', { sliId: sli.id, windowDays: window.days, seriesId });
          const text = [
            `${service.name} / ${sli.name}: ${r.fileName} (${r.series}), ${day(r.startMs)} → ${day(r.endMs)}`,
            ...(r.latency ? [`  latency judged at each tier's own threshold: ${thresholdsPhrase(r.latency)}`] : []),
            ...(r.latencyWarning ? [`  warning: ${r.latencyWarning}`] : []),
            ...variantLines(r, r.windowDays, 'all data'),
            ...(r.excluding
              ? variantLines(
                  r.excluding,
                  r.windowDays,
                  `without ${r.excluding.exclusions} exclusion${r.excluding.exclusions === 1 ? '' : 's'} (${r.excluding.droppedSamples} samples left out)`,
                )
              : []),
            `  traffic: ${r.traffic.explanation}`,
          ];
          return { json: { ...envelope('analyze'), service: service.name, sli: sli.name, analysis: r }, text };
        });
      }),
    );
}
