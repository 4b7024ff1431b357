import type { Command } from 'commander';
import { resolve } from 'node:path';
import { AppFailure } from '#shared/ipc/errors';
import { envelope } from '../json-build';
import { checked, printOutput, type CommonOptions } from '../output';
import { settingsDirFor, type CliContext } from '../session';

type ServeOptions = CommonOptions & { workspace?: string; port?: string; open: boolean; folder?: string };

/** Checks a TCP port typed on the command line; 0 lets the system pick a free one. */
export function checkPort(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 65_535) {
    return { ok: false, message: `Port must be a whole number from 0 to 65535, not "${trimmed}"` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** Resolves when the stop signal fires or, without one, on the first SIGINT or SIGTERM. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return new Promise((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), { once: true })));
  }
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function startFailure(error: unknown, port: number | undefined): AppFailure {
  if (error instanceof AppFailure) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof AppFailure) return new AppFailure(cause.error.code, (error as Error).message, cause.error.details);
  const code = String((error as { code?: unknown })?.code ?? (cause as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EADDRINUSE') return new AppFailure('CONFLICT', message, { field: 'port', option: '--port' });
  // Only a refused listen is about the port; a file the user may not read says so itself.
  const syscall = (error as { syscall?: unknown })?.syscall ?? (cause as { syscall?: unknown })?.syscall;
  if (code === 'EACCES' && syscall === 'listen')
    return new AppFailure('FORBIDDEN', `Port ${port ?? ''} may not be used by this user; choose another with --port`, { field: 'port', option: '--port' });
  return new AppFailure('IO_ERROR', `Browser mode could not start: ${message}`);
}

/** Registers `serve`: browser mode on 127.0.0.1, running until Ctrl+C. The server module is loaded only by this command. */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start browser mode on 127.0.0.1 (with a per-launch token in the URL) and open it; runs until Ctrl+C')
    .option('--workspace <file>', 'workspace to open at start')
    .option('--port <port>', 'port to listen on (default: a free one)')
    .option('--no-open', 'print the URL instead of opening a browser')
    .option('--folder <dir>', 'folder the browser may create and open workspaces in')
    .option('--json', 'print {"url": …} as JSON (format slo-workbench/v1) once listening; logs go to stderr')
    .action(async (options: ServeOptions) => {
      const port = options.port === undefined ? undefined : checked(checkPort(options.port), 'port', '--port');
      const { runServe } = await import('../../server/serve');
      const log = (line: string) => (options.json ? ctx.io.stderr(line) : ctx.io.stdout(line));
      let server: Awaited<ReturnType<typeof runServe>>;
      try {
        server = await runServe({
          workspace: options.workspace === undefined ? undefined : resolve(ctx.io.cwd, options.workspace),
          port,
          open: options.open,
          folder: options.folder === undefined ? undefined : resolve(ctx.io.cwd, options.folder),
          settingsDir: settingsDirFor(ctx.io),
          log,
        });
      } catch (error) {
        throw startFailure(error, port);
      }
      printOutput(ctx, options, {
        json: { ...envelope('serve'), url: server.url },
        // runServe's own log already printed the URL for people.
        text: [],
      });
      await untilStopped(ctx.io.stopSignal);
      await server.close();
    });
}
