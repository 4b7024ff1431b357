import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_ALERT_SETS, formatDuration, type AlertWindowSet } from '#shared/budget/alerts';
import { importSlothAlertWindows } from '#shared/importers/sloth-alert-windows';
import { MAX_YAML_BYTES } from '#shared/importers/yaml-guard';
import { parseTargetPercent } from '#shared/domain/percent';
import { AppFailure } from '#shared/ipc/errors';
import { alertsReport, alertsReportLines } from '../alerts-report';
import { resolveWindow } from '../budget-report';
import { checked, runAction, type CommonOptions } from '../output';
import { refuse, type CliContext } from '../session';
import { WINDOW_HELP } from './budget';

type AlertsOptions = CommonOptions & { target: string; window?: string; windows?: string };

/** Reads a Sloth AlertWindows file; an unreadable, oversized or invalid file is refused with its first issue's place. */
function readWindowsFile(ctx: CliContext, file: string): AlertWindowSet {
  const path = resolve(ctx.io.cwd, file);
  let text: string;
  try {
    // The size is checked before reading, so a huge file is never loaded.
    if (statSync(path).size > MAX_YAML_BYTES) {
      refuse('INVALID_ARGUMENT', `${file} is larger than ${MAX_YAML_BYTES / 1024} KiB; an AlertWindows file is a few hundred bytes`, 'windows', '--windows');
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') refuse('FILE_NOT_FOUND', `There is no file ${file}`, 'windows', '--windows');
    refuse('IO_ERROR', `${file} cannot be read: ${(error as Error).message}`, 'windows', '--windows');
  }
  const imported = importSlothAlertWindows(text, { name: basename(file) });
  if (imported.ok) return imported.value;
  const first = imported.issues[0]!;
  const where = first.line === undefined ? file : `${file}:${first.line}:${first.column}`;
  throw new AppFailure('INVALID_ARGUMENT', `${where}: ${first.message}`, {
    field: 'windows',
    option: '--windows',
    path: file,
    line: first.line,
    column: first.column,
    issues: imported.issues,
  });
}

/** Registers `alerts`: the page and ticket burn-rate alerts of a target, from the built-in windows or a Sloth AlertWindows file. */
export function registerAlertsCommand(program: Command, ctx: CliContext): void {
  program
    .command('alerts')
    .description('multi-window, multi-burn-rate alerts of a target: windows, burn-rate threshold, error rate, time to exhaust the budget')
    .requiredOption('--target <percent>', 'target percentage, e.g. 99.9')
    .option('--window <window>', `SLO window: ${WINDOW_HELP}; default 30d, or the period of --windows`)
    .option('--windows <file>', 'a Sloth AlertWindows YAML (sloth.slok.dev/v1) to use instead of the SRE workbook windows')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], AlertsOptions>(ctx, async (options) => {
        const targetPpm = checked(parseTargetPercent(options.target), 'targetPpm', '--target');
        const fileSet = options.windows === undefined ? null : readWindowsFile(ctx, options.windows);
        if (fileSet && options.window === undefined && fileSet.periodMinutes % 1440 !== 0) {
          refuse(
            'INVALID_ARGUMENT',
            `The SLO period of ${options.windows} (${formatDuration(fileSet.periodMinutes)}) is not a whole number of days: give the SLO window with --window`,
            'window',
            '--window',
          );
        }
        const windowText = options.window ?? (fileSet ? formatDuration(fileSet.periodMinutes) : '30d');
        const window = checked(resolveWindow(windowText, Date.now()), 'window', '--window');
        const report = alertsReport(targetPpm, window, fileSet ? [fileSet] : DEFAULT_ALERT_SETS, fileSet ? 'file' : 'built-in');
        const doc = checked(report, 'window', '--window');
        return { json: doc, text: alertsReportLines(doc) };
      }),
    );
}
