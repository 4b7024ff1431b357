import type { Command } from 'commander';
import { formatPpmPercent } from '#shared/domain/percent';
import { TIER_LABELS } from '#shared/domain/types';
import { CAUSE_LABELS, type SimulationResult } from '#shared/simulation/result';
import { DEFAULT_SEED, DEFAULT_TRIALS, seedSchema, trialsSchema } from '#shared/simulation/scenario';
import { summarise } from '#shared/simulation/summary';
import { envelope } from '../json-build';
import { findService, findSli, foldName } from '../lookup';
import { JSON_HELP, runAction, type CommonOptions } from '../output';
import { readScenarioFile } from '../scenario-file';
import { refuse, withWorkspace, type CliContext } from '../session';

type SimulateOptions = CommonOptions & {
  workspace: string;
  service: string;
  sli: string;
  scenario?: string;
  name?: string;
  trials: string;
  seed: string;
  start?: string;
  store: boolean;
};

const fraction = (p: number) => Number(p.toFixed(4)).toString();

/** A whole number option checked with the run's own schema, naming the option when it is refused. */
function wholeOption(text: string, schema: typeof trialsSchema | typeof seedSchema, field: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) refuse('INVALID_ARGUMENT', `${option} must be a whole number, not "${text}"`, field, option);
  const checked = schema.safeParse(Number(text.trim()));
  if (!checked.success) refuse('INVALID_ARGUMENT', `${checked.error.issues[0]!.message}, not ${text.trim()}`, field, option);
  return checked.data;
}

/** The run for people: per tier the breach probability and budget spent as fractions 0–1, then the policy and the summary. */
export function simulationLines(r: SimulationResult): string[] {
  const lines = [
    `Scenario "${r.scenarioName}": ${r.trials.toLocaleString('en-US')} trials, seed ${r.seed}, windows from ${new Date(r.startMs).toISOString().slice(0, 10)}`,
  ];
  for (const t of r.tiers) {
    const b = t.breach;
    lines.push(
      `${TIER_LABELS[t.tier]} ${formatPpmPercent(t.targetPpm)} % over ${t.windowLabel}: breach probability ${fraction(b.probability)} (95 % interval ${fraction(b.low)}–${fraction(b.high)}); ` +
        `budget spent P10 ${fraction(t.spent.p10)}, P50 ${fraction(t.spent.p50)}, P90 ${fraction(t.spent.p90)}; ` +
        `pages ${t.alerts.pages.mean.toFixed(2)}, tickets ${t.alerts.tickets.mean.toFixed(2)} a window` +
        (t.topCause ? `; most spent by ${CAUSE_LABELS[t.topCause].toLowerCase()} (${fraction(t.spentBy[t.topCause])})` : ''),
    );
  }
  if (r.policy) {
    const p = r.policy;
    lines.push(
      `Policy (freezes at ${p.freezeAt}): frozen ${p.freezeDays.mean.toFixed(2)} days a window on average (P90 ${p.freezeDays.p90.toFixed(2)}); ` +
        `${p.deploys.toFixed(1)} deploys out, ${p.deploysHeld.toFixed(1)} held`,
    );
  }
  for (const v of r.resolved) lines.push(`  ${v.field} = ${v.value}: ${v.explanation}`);
  for (const note of r.notes) lines.push(`  note: ${note}`);
  lines.push(summarise(r));
  return lines;
}

/** Registers `simulate`: runs a what-if scenario (a file, or one stored with the SLI) against every tier of the SLI. */
export function registerSimulateCommand(program: Command, ctx: CliContext): void {
  program
    .command('simulate')
    .description("run a what-if scenario against an SLI's tiers: breach probability, budget spent, alerts and policy freezes per tier")
    .requiredOption('--workspace <file>', 'workspace file')
    .requiredOption('--service <name>', 'service (case-insensitive)')
    .requiredOption('--sli <name>', 'SLI of the service (case-insensitive)')
    .option('--scenario <file>', 'scenario file (.yaml, .yml or .json) with the fields of docs/cli.md')
    .option('--name <scenario>', 'a scenario stored with the SLI (see `scenario add`); its run is stored with it')
    .option('--trials <n>', 'number of trials', String(DEFAULT_TRIALS))
    .option('--seed <k>', 'seed of the random draws; the same seed gives the same result', String(DEFAULT_SEED))
    .option('--start <date>', 'day the simulated windows start, YYYY-MM-DD (UTC); default: the Monday of this week')
    .option('--no-store', 'do not store the run with the stored scenario')
    .option('--json', JSON_HELP)
    .action(
      runAction<[], SimulateOptions>(ctx, (options) => {
        if ((options.scenario === undefined) === (options.name === undefined)) {
          refuse('INVALID_ARGUMENT', 'Give either --scenario FILE or --name SCENARIO', 'scenario', options.scenario === undefined ? '--scenario' : '--name');
        }
        const trials = wholeOption(options.trials, trialsSchema, 'trials', '--trials');
        const seed = wholeOption(options.seed, seedSchema, 'seed', '--seed');
        let startMs: number | null = null;
        if (options.start !== undefined) {
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.start.trim());
          startMs = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
          if (!m || !Number.isFinite(startMs) || new Date(startMs).toISOString().slice(0, 10) !== options.start.trim())
            refuse('INVALID_ARGUMENT', `--start is a day written YYYY-MM-DD, such as 2027-03-01, not "${options.start}"`, 'startMs', '--start');
        }
        const draft = options.scenario === undefined ? null : readScenarioFile(ctx, options.scenario, undefined, '--scenario');
        return withWorkspace(ctx, options.workspace, async (core) => {
          const service = await findService(core, options.service);
          const sli = findSli(service, options.sli);
          let scenarioId: number | null = null;
          if (options.name !== undefined) {
            const list = await core.call('scenario/list', { sliId: sli.id });
            const wanted = foldName(options.name);
            const found = list.find((s) => foldName(s.scenario.name) === wanted);
            if (!found) {
              const known = list.map((s) => `"${s.scenario.name}"`).join(', ');
              refuse(
                'NOT_FOUND',
                `${service.name} / ${sli.name} has no scenario named "${options.name}"${known ? ` (it has ${known})` : ''}`,
                'scenarioId',
                '--name',
              );
            }
            scenarioId = found.id;
          }
          const labels = {
            scenario: '--scenario',
            scenarioId: '--name',
            trials: '--trials',
            seed: '--seed',
            '*': options.scenario === undefined ? '--name' : '--scenario',
          };
          const result = await core.call('simulation/run', { sliId: sli.id, scenarioId, scenario: draft, trials, seed, startMs, store: options.store }, labels);
          return {
            json: { ...envelope('simulate'), service: service.name, sli: sli.name, stored: scenarioId !== null && options.store, result },
            text: [`${service.name} / ${sli.name}`, ...simulationLines(result)],
          };
        });
      }),
    );
}
