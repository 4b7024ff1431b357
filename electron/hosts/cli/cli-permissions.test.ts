import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';

// Tests run as root, where permission bits stop neither reads nor writes. These run the real CLI as the
// unprivileged `nobody` user through setpriv(1), so the kernel refuses as it would for any user; without root
// or setpriv they are skipped (db-access.test.ts covers the permission bits in-process either way).
const BIN = fileURLToPath(new URL('../../../bin/slo-workbench.js', import.meta.url));

function nobodyIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

const nobody = nobodyIds();
if (!nobody) console.warn('cli-permissions.test.ts skipped: needs to run as root with setpriv(1) and a "nobody" user');

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
  chmodSync(box.dir, 0o755);
  mkdirSync(box.path('home'), { recursive: true });
  if (nobody) chownSync(box.path('home'), nobody.uid, nobody.gid);
});
afterEach(() => {
  for (const entry of readdirSync(box.dir, { recursive: true }) as string[]) chmodSync(box.path(entry), 0o755);
  box.cleanup();
});

/** Runs the real executable as `nobody`. */
function runAsNobody(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uid, gid } = nobody!;
  return new Promise((done) => {
    execFile(
      'setpriv',
      [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', process.execPath, BIN, ...args],
      { cwd: box.dir, env: { ...box.env, HOME: box.path('home') }, timeout: 60_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** A folder owned by `nobody` holding workspace `name` with a service "web", made by root through the CLI. */
async function folderWithWorkspace(folder: string, name: string): Promise<string> {
  mkdirSync(box.path(folder));
  const file = `${folder}/${name}`;
  await box.json('workspace', 'create', file);
  await box.json('service', 'add', '--workspace', file, 'web');
  chownSync(box.path(folder), nobody!.uid, nobody!.gid);
  chownSync(box.path(file), nobody!.uid, nobody!.gid);
  return file;
}

describe.skipIf(!nobody)('the CLI run by a user who may not write or read the workspace', () => {
  it('shows a workspace in a read-only folder, and refuses an edit naming the folder', async () => {
    const file = await folderWithWorkspace('shared', 'team.slowb');
    chmodSync(box.path('shared'), 0o555);
    const before = box.sha256(file);
    const show = await runAsNobody('show', '--workspace', file);
    expect(show.stderr).toBe('');
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n')[0]).toBe('team.slowb: 1 service, 0 SLIs, 0 tiers (read-only)');
    const edit = await runAsNobody('service', 'add', '--workspace', file, 'api');
    expect(edit).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: team.slowb cannot be written: its folder ${box.path('shared')} does not allow creating files (SQLite keeps team.slowb-wal and team.slowb-shm beside the workspace). It is open read-only; make the folder writable to change it.\n`,
    });
    expect(readdirSync(box.path('shared'))).toEqual(['team.slowb']);
    expect(box.sha256(file)).toBe(before);
  });

  it('refuses to create a workspace in a read-only folder, naming the folder', async () => {
    mkdirSync(box.path('shared'), { mode: 0o555 });
    const r = await runAsNobody('workspace', 'create', 'shared/new.slowb');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: new.slowb cannot be created: the folder ${box.path('shared')} does not allow creating files [FILE]\n`,
    });
  });

  it('opens a 0444 file read-only, leaves nothing beside it, and refuses an edit naming the file', async () => {
    const file = await folderWithWorkspace('mine', 'locked.slowb');
    chmodSync(box.path(file), 0o444);
    const show = await runAsNobody('show', '--workspace', file);
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n')[0]).toBe('locked.slowb: 1 service, 0 SLIs, 0 tiers (read-only)');
    const edit = await runAsNobody('service', 'add', '--workspace', file, 'api');
    expect(edit.code).toBe(1);
    expect(edit.stderr).toBe(
      `error: locked.slowb cannot be written: the file ${box.path(file)} is read-only. It is open read-only; make the file writable to change it.\n`,
    );
    expect(readdirSync(box.path('mine'))).toEqual(['locked.slowb']);
  });

  it('says an unreadable workspace cannot be read, under show and under serve (not a port problem)', async () => {
    const file = await folderWithWorkspace('mine', 'secret.slowb');
    chownSync(box.path(file), 0, 0);
    chmodSync(box.path(file), 0o600);
    const reason = `secret.slowb cannot be read: its permissions do not let this user read ${box.path(file)}`;
    const show = await runAsNobody('show', '--workspace', file);
    expect(show).toEqual({ code: 1, stdout: '', stderr: `error: ${reason} [--workspace]\n` });
    const serve = await runAsNobody('serve', '--no-open', '--port', '0', '--workspace', file);
    expect(serve).toEqual({ code: 1, stdout: '', stderr: `error: ${reason}\n` });
  });
});
