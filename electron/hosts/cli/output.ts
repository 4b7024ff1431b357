import type { FieldCheck } from '#shared/domain/validation';
import type { JsonError } from './json-output';
import { refuse, type CliContext, type CommandOutput } from './session';

/** Options every command accepts. */
export type CommonOptions = { json?: boolean };

/** The help line of every command's --json option. */
export const JSON_HELP = 'print the result as JSON (format slo-workbench/v1)';

/** Prints a command's result: one JSON document with --json, else its lines. */
export function printOutput(ctx: CliContext, options: CommonOptions, output: CommandOutput): void {
  if (options.json) ctx.io.stdout(JSON.stringify(output.json, null, 2));
  else for (const line of output.text) ctx.io.stdout(line);
}

/** Prints a failure on stderr: `error: <message> [option]` for people, one JSON line with --json. */
export function printError(ctx: CliContext, json: boolean, error: JsonError['error']): void {
  if (json) {
    const doc: JsonError = { ok: false, error };
    ctx.io.stderr(JSON.stringify(doc));
    return;
  }
  const option = error.details?.option;
  ctx.io.stderr(`error: ${error.message}${option ? ` [${option}]` : ''}`);
}

/** Unwraps a shared field check, refusing with its message (the UI form's wording) and the option it came from. */
export function checked<T>(result: FieldCheck<T>, field: string, option: string): T {
  if (!result.ok) refuse('INVALID_ARGUMENT', result.message, field, option);
  return result.value;
}

/** Runs a command body and prints what it returns; failures propagate to runCli, which prints them. */
export function runAction<A extends unknown[], O extends CommonOptions>(
  ctx: CliContext,
  body: (...args: [...A, O]) => Promise<CommandOutput>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    // Commander passes the positional arguments, then the options object, then the command itself.
    const params = args.slice(0, -1) as [...A, O];
    const options = params[params.length - 1] as O;
    const output = await body(...params);
    printOutput(ctx, options, output);
    if (output.exitCode !== undefined) ctx.exitCode = output.exitCode;
  };
}
