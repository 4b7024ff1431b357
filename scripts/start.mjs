#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed, browser mode otherwise (docs/architecture.md §2).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, electronVersion } from './electron-binary.mjs';
import { electronNativePath, ensureElectronNative } from './electron-native.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Where browser mode keeps workspaces when none is named: $SLO_WORKBENCH_FOLDER or ~/SLO Workbench. */
function defaultFolder() {
  const folder = process.env.SLO_WORKBENCH_FOLDER || join(homedir(), 'SLO Workbench');
  mkdirSync(folder, { recursive: true });
  return folder;
}

const binary = electronBinaryPath(root);
if (!binary) {
  console.log('The Electron binary is not installed, so SLO Workbench starts in browser mode instead.');
  run(npm, ['run', '--silent', 'build:renderer']);
  // npm runs scripts in the project folder; workspaces belong in the user's own folder, not beside the sources.
  const folderArgs = args.some((a) => a === '--folder' || a === '--workspace') ? [] : ['--folder', defaultFolder()];
  forward(process.execPath, [join(root, 'bin', 'slo-workbench.js'), 'serve', ...folderArgs, ...args]);
} else {
  run(npm, ['run', 'build:renderer']);
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
  try {
    await ensureElectronNative(root, electronVersion(root));
  } catch (error) {
    console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`);
    console.error(
      `Build it by hand, then run npm start again:\n  npx @electron/rebuild --only better-sqlite3 --version ${electronVersion(root)}\n  and copy node_modules/better-sqlite3/build/Release/better_sqlite3.node to ${electronNativePath(root)}\n  (then run npm rebuild better-sqlite3 to restore the Node build).`,
    );
    process.exit(1);
  }
  forward(binary, [root, ...args]);
}
