import { describe, expect, it } from 'vitest';
import { runWorker } from './run-worker';

const ECHO = new URL('../test/fixtures/echo-worker.ts', import.meta.url);
const small = { timeoutMs: 10_000, maxOldGenerationSizeMb: 64, stackSizeMb: 4 };

describe('runWorker', () => {
  it('runs a TypeScript job in a worker thread and returns its reply', async () => {
    expect(await runWorker(ECHO, { kind: 'echo', payload: 'hello' }, { limits: small })).toBe('hello');
  });

  it('stops a job that runs past its time limit', async () => {
    await expect(runWorker(ECHO, { kind: 'sleep' }, { limits: { ...small, timeoutMs: 1500 } })).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
  });

  it('stops a job when cancelled', async () => {
    const controller = new AbortController();
    const pending = runWorker(ECHO, { kind: 'sleep' }, { limits: small, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(pending).rejects.toMatchObject({ error: { code: 'CANCELLED', message: 'The import was cancelled' } });
  });

  it('survives a worker that runs out of its heap, twice, and keeps working (R19)', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(runWorker(ECHO, { kind: 'hog' }, { limits: small })).rejects.toMatchObject({ error: { code: 'INTERNAL' } });
    }
    expect(await runWorker(ECHO, { kind: 'echo', payload: 'still here' }, { limits: small })).toBe('still here');
  });

  it('survives deeply nested JSON parsed inside the worker, twice (R19)', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (let i = 0; i < 2; i++) {
      await runWorker(ECHO, { kind: 'json', payload: deep }, { limits: small }).catch(() => undefined);
    }
    expect(await runWorker(ECHO, { kind: 'echo', payload: 'alive' }, { limits: small })).toBe('alive');
  });
});
