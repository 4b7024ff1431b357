import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppFailure } from '#shared/ipc/errors';
import { createCore } from '../../core/registry';
import { resolveInFolder } from '../../core/services/folder-paths';
import { openBrowser } from './open-browser';
import { startServer } from './server';

/** What `slo-workbench serve [--workspace FILE] [--port N] [--no-open] [--folder DIR]` passes in. */
export type ServeOptions = {
  workspace?: string;
  port?: number;
  open: boolean;
  folder?: string;
  settingsDir?: string;
  distDir?: string;
  log?: (line: string) => void;
};

/** A running `serve`: its launch URL and how to stop it (closes the server, then the workspace). */
export type ServeHandle = { url: string; close(): Promise<void> };

/** The folder holding the project's package.json, found by walking up from this file (source or bundle). */
export function findPackageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = start;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'slo-workbench') return dir;
      } catch {
        // An unreadable package.json is not ours; keep looking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where settings.json lives: $SLO_WORKBENCH_HOME, else $XDG_CONFIG_HOME/slo-workbench, else ~/.config/slo-workbench. */
export function defaultSettingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SLO_WORKBENCH_HOME) return resolve(env.SLO_WORKBENCH_HOME);
  if (env.XDG_CONFIG_HOME) return join(resolve(env.XDG_CONFIG_HOME), 'slo-workbench');
  return join(homedir(), '.config', 'slo-workbench');
}

function packageVersion(root: string | null): string {
  if (!root) return '0.0.0';
  try {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Runs browser mode: one core confined to a folder, the server on 127.0.0.1, one launch line with the token,
 * optionally a Chromium window; SIGINT/SIGTERM close everything and exit 0.
 */
export async function runServe(opts: ServeOptions): Promise<ServeHandle> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const root = findPackageRoot();
  const workspace = opts.workspace === undefined ? undefined : resolve(opts.workspace);
  const folder = resolve(opts.folder ?? (workspace ? dirname(workspace) : process.cwd()));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`The workspace folder ${folder} does not exist`);
  const distDir = resolve(opts.distDir ?? join(root ?? process.cwd(), 'dist', 'renderer'));

  const core = createCore({
    host: 'browser',
    version: packageVersion(root),
    settingsDir: opts.settingsDir ?? defaultSettingsDir(),
    folder,
    // R33: the browser sends names, never paths; everything lands inside the folder or is refused.
    resolvePath: (p, purpose) => resolveInFolder(folder, p, { addExtension: purpose !== 'open' }),
  });

  if (workspace) {
    // The user typed this path on the command line, so it is trusted as it is and opened directly.
    const exists = existsSync(workspace);
    try {
      if (exists) core.session.open(workspace);
      else core.session.create(workspace);
    } catch (error) {
      core.dispose();
      // The core's refusals name the file already; only an unexpected error needs saying which file it concerns.
      if (error instanceof AppFailure) throw error;
      throw new Error(`Could not ${exists ? 'open' : 'create'} ${workspace}: ${(error as Error).message}`, { cause: error });
    }
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ core, distDir, ...(opts.port === undefined ? {} : { port: opts.port }) });
  } catch (error) {
    core.dispose();
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${opts.port} on 127.0.0.1 is already in use; choose another with --port`, { cause: error });
    throw error;
  }

  let closing: Promise<void> | null = null;
  const onSignal = (): void => {
    void close().then(() => process.exit(0));
  };
  function close(): Promise<void> {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await server.close();
      // Closing the session checkpoints the WAL into the workspace file.
      core.dispose();
    })();
    return closing;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  log(`Workspace folder: ${folder}`);
  if (workspace) log(`Workspace: ${workspace}`);
  if (!existsSync(join(distDir, 'index.html'))) log('The renderer is not built yet: run `npm run build:renderer` first.');
  log(`SLO Workbench is running at ${server.url} (Ctrl+C to stop)`);
  if (opts.open) openBrowser(server.url, log);
  return { url: server.url, close };
}
