import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';

const RUNNER = fileURLToPath(new URL('../test/fixtures/run-commands.ts', import.meta.url));
// The child loads TypeScript through tsx, found from this repository rather than from the temp folder it runs in.
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

type RunResult = { argv: string[]; code: number; stderr: string };

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

/** Starts one child process that runs the given CLI command lines one after another. */
function runChild(commands: string[][]): Promise<RunResult[]> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', TSX, RUNNER, JSON.stringify(commands)],
      { cwd: box.dir, env: box.env, timeout: 120_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`child failed: ${error.message}\n${stderr}`));
        else
          done(
            stdout
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as RunResult),
          );
      },
    );
  });
}

describe('concurrent CLI writers on one workspace', () => {
  it('eight processes making 24 edits each all succeed, waiting for each other, and every edit is stored', async () => {
    await box.json('workspace', 'create', 'w.slowb');
    const writers = Array.from({ length: 8 }, (_, p) => Array.from({ length: 24 }, (_, i) => ['service', 'add', '--workspace', 'w.slowb', `svc-${p}-${i}`]));
    const results = (await Promise.all(writers.map(runChild))).flat();
    const failed = results.filter((r) => r.code !== 0);
    expect(failed.map((r) => `${r.argv.at(-1)}: ${r.stderr}`)).toEqual([]);
    expect(results).toHaveLength(192);
    const db = new Database(box.path('w.slowb'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = db.prepare('SELECT name FROM services ORDER BY name').pluck().all() as string[];
      expect(names).toHaveLength(192);
      expect(new Set(names).size).toBe(192);
    } finally {
      db.close();
    }
  }, 180_000);
});
