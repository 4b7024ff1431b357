import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program and its arguments that show a URL. */
export type BrowserCommand = { command: string; args: string[] };

/** Browsers tried in order on Linux and other Unix systems; `--app` gives a window without tabs or address bar. */
export const LINUX_BROWSERS = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a program by absolute path or on PATH. */
export function whichSync(name: string, pathEnv: string = process.env.PATH ?? ''): string | null {
  if (name.startsWith('/')) return isExecutable(name) ? name : null;
  for (const dir of pathEnv.split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The command that opens the URL: Chromium or Chrome in app mode on Linux, the default browser on macOS and
 * Windows; null when nothing suitable is installed.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  find: (name: string) => string | null = (name) => whichSync(name),
  isRoot: boolean = process.getuid?.() === 0,
): BrowserCommand | null {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // "start" is a cmd built-in; the empty title keeps it from treating the URL as the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  for (const name of LINUX_BROWSERS) {
    const found = find(name);
    // Chromium refuses to start as root with its sandbox on (containers, CI); it still gets the app's CSP.
    if (found) return { command: found, args: [`--app=${url}`, ...(isRoot ? ['--no-sandbox'] : [])] };
  }
  return null;
}

/** Starts the browser detached (the server never waits for it); a failure is reported on one line and serving goes on. */
export function openBrowser(url: string, log: (line: string) => void): void {
  const cmd = browserCommand(url);
  if (!cmd) {
    log('No Chromium or Chrome was found to open it; open the URL above in your browser.');
    return;
  }
  try {
    const child = spawn(cmd.command, cmd.args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => log('The browser could not be started; open the URL above in your browser.'));
    child.unref();
  } catch {
    log('The browser could not be started; open the URL above in your browser.');
  }
}
