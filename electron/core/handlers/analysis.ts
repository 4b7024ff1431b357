import type { HandlerMap } from '../context';
import { analyseSli } from '../services/analysis-service';
import { backtestSli } from '../services/backtest-service';
import { burnDown, chartData } from '../services/chart-service';

/** What an SLI's imported history says: analysis, charts, burn-down and the alert backtest. */
export const analysisHandlers: HandlerMap<'analysis/sli' | 'analysis/chart' | 'analysis/burndown' | 'analysis/backtest'> = {
  'analysis/sli': (args, ctx) => analyseSli(ctx.session, args.sliId, args.windowDays, args.seriesId),
  'analysis/chart': (args, ctx) => chartData(ctx.session, args),
  'analysis/burndown': (args, ctx) => burnDown(ctx.session, args),
  'analysis/backtest': (args, ctx) => backtestSli(ctx.session, args, ctx.now()),
};
