import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonServe } from './json-output';
import { runCli } from './run-cli';

let box: Sandbox;

beforeEach(() => {
  box = makeSandbox();
});

afterEach(() => box.cleanup());

describe('slo-workbench serve', () => {
  it('starts browser mode on 127.0.0.1, prints its URL as JSON, and stops when asked', async () => {
    await box.json('workspace', 'create', 'team.slowb');
    const stop = new AbortController();
    const stdout: string[] = [];
    const stderr: string[] = [];
    let printed!: () => void;
    const listening = new Promise<void>((done) => (printed = done));
    const running = runCli(['serve', '--workspace', 'team.slowb', '--port', '0', '--no-open', '--json'], {
      stdout: (line) => {
        stdout.push(line);
        printed();
      },
      stderr: (line) => stderr.push(line),
      env: box.env,
      cwd: box.dir,
      stopSignal: stop.signal,
    });
    await Promise.race([listening, running]);
    const doc = JSON.parse(stdout[0] ?? 'null') as JsonServe;
    expect(doc).toMatchObject({ format: 'slo-workbench/v1', ok: true, command: 'serve' });
    const url = new URL(doc.url);
    expect(url.hostname).toBe('127.0.0.1');
    // Its own log lines went to stderr, so stdout holds exactly one JSON document.
    expect(stderr.join('\n')).toContain(doc.url);
    const answer = await fetch(new URL('/', url));
    expect(answer.status).toBeLessThan(500);
    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(new URL('/', url))).rejects.toThrow();
    expect(stdout).toHaveLength(1);
  });

  it('refuses a port that is not a number before starting anything', async () => {
    const r = await box.run('serve', '--port', 'http', '--no-open');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderrLines).toEqual(['error: Port must be a whole number from 0 to 65535, not "http" [--port]']);
  });
});
