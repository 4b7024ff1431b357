import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonShow } from './json-output';
import { LATEST_SCHEMA_VERSION } from '../../core/storage/db';

const BIN = fileURLToPath(new URL('../../../bin/slo-workbench.js', import.meta.url));

let box: Sandbox;

beforeEach(() => {
  box = makeSandbox();
});

afterEach(() => box.cleanup());

/** Runs the real executable as a child process, the way a shell or CI job would. */
function spawnBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: box.dir, env: box.env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

describe('the slo-workbench executable', () => {
  it('prints its help with every command and exits 0', async () => {
    const r = await spawnBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: slo-workbench \[options\] \[command\]/);
    for (const command of ['workspace', 'service', 'sli', 'objective', 'show', 'serve']) expect(r.stdout).toContain(`  ${command}`);
  });

  it('creates a workspace and shows it as JSON from a child process', async () => {
    const created = await spawnBin(['workspace', 'create', 'ci.slowb']);
    expect(created).toEqual({ code: 0, stdout: `Created workspace ${box.path('ci.slowb')} (schema ${LATEST_SCHEMA_VERSION})\n`, stderr: '' });
    const show = await spawnBin(['show', '--workspace', 'ci.slowb', '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout) as JsonShow).toMatchObject({ format: 'slo-workbench/v1', command: 'show', services: [] });
  });

  it('sets the process exit code: 1 for a refusal, 2 for a usage error', async () => {
    const refused = await spawnBin(['show', '--workspace', 'missing.slowb']);
    const missing = box.path('missing.slowb');
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: No workspace at ${missing}; create it with: slo-workbench workspace create ${missing} [--workspace]\n`,
    });
    const usage = await spawnBin(['show']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("error: required option '--workspace <file>' not specified");
  });
});

describe('the executable writing into a pipe that closes early (as `| head -1` does)', () => {
  it('stops writing and exits 0 without a stack trace', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { cwd: box.dir, env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // The reader goes away before the help is written, so every write hits a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', (status) => done(status)));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('slo-workbench help and version', () => {
  it('prints the version from package.json', async () => {
    const r = await box.run('--version');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(['workspace create', 'service add', 'service list', 'service rename', 'service remove', 'sli add', 'sli list', 'objective set', 'show', 'serve'])(
    'prints help for "%s" and exits 0',
    async (command) => {
      const words = command.split(' ');
      const r = await box.run(...words, '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`Usage: slo-workbench ${command} [options]`);
      if (words[0] !== 'workspace') expect(r.stdout).toContain('--workspace <file>');
      expect(r.stdout).toContain('--json');
    },
  );
});
