import { DEFAULT_TIMESLICE } from '#shared/domain/types';
import type { Command } from 'commander';
import { parseDuration } from '#shared/budget/alerts';
import { parseRequestsPerDay } from '#shared/budget/traffic';
import { parseTargetPercent } from '#shared/domain/percent';
import { checkMethod } from '#shared/domain/validation';
import { budgetReport, budgetReportLines, resolveWindow } from '../budget-report';
import { checked, runAction, type CommonOptions } from '../output';
import { refuse, type CliContext } from '../session';

type BudgetOptions = CommonOptions & {
  target: string;
  window: string;
  method: string;
  slice?: string;
  sliceTarget?: string;
  requestsPerDay?: string;
};

/** The slice every timeslices objective starts with in the core: one minute, good at 95 %. */

/** Window syntax shared by `budget` and `alerts` help. */
export const WINDOW_HELP =
  'rolling 30d or 4w, or calendar-week|month|quarter|year[:PERIOD][:ZONE], e.g. calendar-month:2027-02:Europe/Berlin (default: the current period, UTC)';

function sliceMinutes(text: string): number {
  const parsed = checked(parseDuration(text), 'timeslice.sliceMinutes', '--slice');
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1440) {
    refuse('INVALID_ARGUMENT', `A time slice is a whole number of minutes from 1m to 1d, not "${text.trim()}"`, 'timeslice.sliceMinutes', '--slice');
  }
  return parsed;
}

/** Registers `budget`: the error budget of a target over a window, in minutes, percent, slices and bad events. */
export function registerBudgetCommand(program: Command, ctx: CliContext): void {
  program
    .command('budget')
    .description('error budget of a target over a window: real window length, minutes, percent, bad events, time slices')
    .requiredOption('--target <percent>', 'target percentage, e.g. 99.9 (at least 50, below 100, at most 4 decimals)')
    .requiredOption('--window <window>', WINDOW_HELP)
    .option('--method <method>', 'occurrences, timeslices or ratio-timeslices', 'occurrences')
    .option('--slice <duration>', 'slice length of the timeslices methods, e.g. 1m or 5m (default 1m)')
    .option('--slice-target <percent>', 'share of good events that makes a slice good (default 95)')
    .option('--requests-per-day <n>', 'traffic, to turn the budget into bad events')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[], BudgetOptions>(ctx, async (options) => {
        const targetPpm = checked(parseTargetPercent(options.target), 'targetPpm', '--target');
        const window = checked(resolveWindow(options.window, Date.now()), 'window', '--window');
        const method = checked(checkMethod(options.method), 'method', '--method');
        if (method === 'occurrences' && (options.slice !== undefined || options.sliceTarget !== undefined)) {
          refuse('INVALID_ARGUMENT', '--slice and --slice-target apply to the timeslices and ratio-timeslices methods only', 'method', '--method');
        }
        const timeslice = {
          sliceMinutes: options.slice === undefined ? DEFAULT_TIMESLICE.sliceMinutes : sliceMinutes(options.slice),
          sliceTargetPpm:
            options.sliceTarget === undefined
              ? DEFAULT_TIMESLICE.sliceTargetPpm
              : checked(parseTargetPercent(options.sliceTarget), 'timeslice.sliceTargetPpm', '--slice-target'),
        };
        if (timeslice.sliceMinutes > window.minutes) {
          refuse('INVALID_ARGUMENT', `A ${options.slice} slice is longer than the window`, 'timeslice.sliceMinutes', '--slice');
        }
        const requestsPerDay =
          options.requestsPerDay === undefined ? null : checked(parseRequestsPerDay(options.requestsPerDay), 'requestsPerDay', '--requests-per-day');
        const doc = budgetReport({ targetPpm, window, method, timeslice, requestsPerDay });
        return { json: doc, text: budgetReportLines(doc) };
      }),
    );
}
