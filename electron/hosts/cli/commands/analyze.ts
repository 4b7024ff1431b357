import type { Command } from 'commander';
import { formatPpmPercent } from '../../../../shared/domain/percent';
import { TIER_LABELS } from '../../../../shared/domain/types';
import { parseWindowSpec } from '../../../../shared/domain/window';
import type { HistoryReport } from '../../../../shared/ipc/contract';
import { envelope } from '../json-build';
import { findService, findSli } from '../lookup';
import { checked, runAction, type CommonOptions } from '../output';
import { refuse, withWorkspace, type CliContext } from '../session';

type AnalyzeOptions = CommonOptions & { workspace: string; service: string; sli: string; window: string };

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(4)} %` : '—');
const day = (ms: number | null) => (ms === null ? '?' : new Date(ms).toISOString().slice(0, 10));

/** Registers `analyze`, which reads an SLI's imported history against its tiers. */
export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description("how an SLI's imported history fares against its tiers over a rolling window, and a target it supports")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--window <days>', 'rolling window, e.g. 30d or 4w', '30d')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(runAction<[], AnalyzeOptions>(ctx, (options) => {
      const window = checked(parseWindowSpec(options.window), 'window', '--window');
      if (window.kind !== 'rolling') refuse('INVALID_ARGUMENT', 'analyze reads rolling windows, such as 30d', 'window', '--window');
      return withWorkspace(ctx, options.workspace, async (core) => {
        const service = await findService(core, options.service);
        const sli = findSli(service, options.sli);
        const r: HistoryReport = await core.call('analysis/sli', { sliId: sli.id, windowDays: window.days });
        const text = [
          `${service.name} / ${sli.name}: ${r.fileName} (${r.series}), ${day(r.startMs)} → ${day(r.endMs)}`,
          `  ${r.windows} complete ${r.windowDays}-day windows; overall ${pct(r.overall)}, worst window ${pct(r.worst)}, best ${pct(r.best)}`,
          ...r.tiers.map((t) => `  ${TIER_LABELS[t.tier]} ${formatPpmPercent(t.targetPpm)} %: met in ${t.met} of ${t.windows} windows (${(t.share * 100).toFixed(1)} %)`),
          ...(r.recommendation ? [`  recommended target: ${formatPpmPercent(r.recommendation.targetPpm)} %: ${r.recommendation.explanation}`] : []),
        ];
        return { json: { ...envelope('analyze'), service: service.name, sli: sli.name, analysis: r }, text };
      });
    }));
}
