import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { AppFailure } from '#shared/ipc/errors';
import { registerAlertsCommand } from './commands/alerts';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerBacktestCommand } from './commands/backtest';
import { registerReplayCommand } from './commands/replay';
import { registerBudgetCommand } from './commands/budget';
import { registerDependencyCommands } from './commands/dependency';
import { registerExclusionCommands } from './commands/exclusion';
import { registerExportCommand } from './commands/export';
import { registerSpecCommands } from './commands/spec';
import { registerImportCommand } from './commands/import';
import { registerObjectiveCommands } from './commands/objective';
import { registerProposalCommands } from './commands/proposal';
import { registerReviewCommands } from './commands/review';
import { registerRolesCommands } from './commands/roles';
import { registerScenarioCommands } from './commands/scenario';
import { registerSimulateCommand } from './commands/simulate';
import { registerServeCommand } from './commands/serve';
import { registerServiceCommands } from './commands/service';
import { registerSignoffCommands } from './commands/signoff';
import { registerShowCommand } from './commands/show';
import { registerSliCommands } from './commands/sli';
import { registerWorkspaceCommands } from './commands/workspace';
import { printError } from './output';
import type { CliContext, CliIo } from './session';

/** Exit status of a run: 0 done, 1 refused by validation or the core (nothing changed), 2 a command line the parser refused. */
export type ExitCode = 0 | 1 | 2;

const EPILOG = `
Examples:
  slo-workbench workspace create team.slowb
  slo-workbench service add --workspace team.slowb checkout
  slo-workbench sli add --workspace team.slowb --service checkout --kind latency --threshold-ms 200 latency
  slo-workbench objective set --workspace team.slowb --service checkout --sli latency --tier slo --target 99 --window 30d
  slo-workbench show --workspace team.slowb --json

Exit codes: 0 success, 1 input refused or not found (nothing is changed), 2 usage error.
Settings (recent workspaces): $SLO_WORKBENCH_HOME, else $XDG_CONFIG_HOME/slo-workbench, else ~/.config/slo-workbench.
Full reference: docs/cli.md`;

/** The package version, read from package.json next to the sources. */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** True when --json appears among the options (before a `--`), so even usage errors are reported as JSON. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

const chomp = (text: string) => text.replace(/\n$/, '');

/** Builds the command tree for one run; commander's exits become exceptions so runCli decides the exit code. */
export function buildProgram(ctx: CliContext, json: boolean): Command {
  const program = new Command('slo-workbench')
    .description('Plan SLA / SLO / performance-target tiers per SLI in an SLO Workbench workspace file.')
    .version(ctx.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    // The program's own options (--version, --help) only before a command, so `signoff add --version 2` is the command's.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(chomp(text)),
      // With --json, stderr carries only the JSON error that runCli prints.
      writeErr: (text) => (json ? undefined : ctx.io.stderr(chomp(text))),
    })
    .addHelpText('after', EPILOG);
  registerWorkspaceCommands(program, ctx);
  registerServiceCommands(program, ctx);
  registerSliCommands(program, ctx);
  registerObjectiveCommands(program, ctx);
  registerShowCommand(program, ctx);
  registerDependencyCommands(program, ctx);
  registerServeCommand(program, ctx);
  registerBudgetCommand(program, ctx);
  registerAlertsCommand(program, ctx);
  registerImportCommand(program, ctx);
  registerAnalyzeCommand(program, ctx);
  registerExclusionCommands(program, ctx);
  registerBacktestCommand(program, ctx);
  registerReplayCommand(program, ctx);
  registerScenarioCommands(program, ctx);
  registerSimulateCommand(program, ctx);
  registerProposalCommands(program, ctx);
  registerSignoffCommands(program, ctx);
  registerReviewCommands(program, ctx);
  registerRolesCommands(program, ctx);
  registerExportCommand(program, ctx);
  registerSpecCommands(program, ctx);
  return program;
}

function usageMessage(error: CommanderError): string {
  if (error.code === 'commander.help') return 'A command is required; run with --help to see the commands';
  return error.message.replace(/^error:\s*/, '');
}

/** Runs one command line (without the node and script arguments) and resolves to its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const json = wantsJson(argv);
  const ctx: CliContext = { io, version: packageVersion() };
  try {
    await buildProgram(ctx, json).parseAsync([...argv], { from: 'user' });
    return ctx.exitCode ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and `help` exit 0; everything else commander refuses is a usage error.
      if (error.exitCode === 0) return 0;
      if (json) printError(ctx, true, { code: 'USAGE', message: usageMessage(error) });
      return 2;
    }
    if (error instanceof AppFailure) {
      printError(ctx, json, error.error);
      return 1;
    }
    printError(ctx, json, { code: 'INTERNAL', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` });
    return 1;
  }
}
