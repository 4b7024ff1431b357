import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { MANIFEST_NAME } from './services/export-writer';
import { removeTempCore, tempCore, value } from './test/temp-core';

let made: { dir: string; core: Core };
const preview = (args: object) => made.core.call('export/preview', args as never);
const write = (args: object) => made.core.call('export/write', args as never);

beforeEach(async () => {
  made = tempCore('swb-export-');
  await value(made.core.call('workspace/create', { path: 'w.slowb' }));
  const chatbot = await value(made.core.call('service/create', { name: 'chatbot' }));
  const sli = await value(
    made.core.call('sli/create', {
      serviceId: chatbot.id,
      name: 'latency',
      kind: 'latency',
      latencyThresholdMs: 200,
      histogram: { metric: 'chat_response_seconds', le: '0.2' },
      queries: {
        form: 'good-total',
        good: 'sum(rate(chat_response_seconds_bucket{le="0.2"}[{{.window}}]))',
        total: 'sum(rate(chat_response_seconds_count[{{.window}}]))',
      },
    }),
  );
  for (const [tier, targetPpm, ms] of [
    ['sla', 900_000, 150],
    ['slo', 990_000, 200],
    ['target', 995_000, 200],
  ] as const) {
    await value(
      made.core.call('objective/set', { sliId: sli.id, tier, targetPpm, window: { kind: 'rolling', days: 1 }, method: 'occurrences', latencyThresholdMs: ms }),
    );
  }
});
afterEach(() => removeTempCore(made));

const listing = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : null);

describe('exporting specs from the core', () => {
  it('previews the same bytes every time, with the loss report as one more file', async () => {
    const a = await value(preview({ format: 'sloth' }));
    const b = await value(preview({ format: 'sloth' }));
    expect(a).toEqual(b);
    expect(a.files.map((f) => f.name)).toContain('LOSSES-sloth.md');
    expect(a.services).toEqual([{ service: 'chatbot', version: null, state: 'draft' }]);
  });

  it('writes every file and a manifest, and a second export of the same workspace changes nothing', async () => {
    const first = await value(write({ format: 'openslo', path: 'out' }));
    expect(first.written).toEqual(['chatbot.yaml', 'LOSSES-openslo.md']);
    expect(JSON.parse(readFileSync(join(made.dir, 'out', MANIFEST_NAME), 'utf8')).files).toHaveProperty(['chatbot.yaml']);
    const again = await value(write({ format: 'openslo', path: 'out' }));
    expect([again.written, again.unchanged]).toEqual([[], ['chatbot.yaml', 'LOSSES-openslo.md']]);
  });

  it('refuses to overwrite a file it did not write, or one edited since, naming it and leaving the folder as it was; --force overwrites', async () => {
    mkdirSync(join(made.dir, 'out'));
    writeFileSync(join(made.dir, 'out', 'chatbot.yaml'), 'hand-written\n');
    const refused = await write({ format: 'openslo', path: 'out' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS', message: expect.stringContaining('(chatbot.yaml); nothing was written') } });
    expect(listing(join(made.dir, 'out'))).toEqual(['chatbot.yaml']);
    expect(readFileSync(join(made.dir, 'out', 'chatbot.yaml'), 'utf8')).toBe('hand-written\n');
    const forced = await value(write({ format: 'openslo', path: 'out', force: true }));
    expect(forced.written).toContain('chatbot.yaml');
    writeFileSync(join(made.dir, 'out', 'LOSSES-openslo.md'), 'edited by a reviewer\n');
    expect(await write({ format: 'openslo', path: 'out' })).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
  });

  it('says plainly when the folder cannot be made and leaves everything as it was', async () => {
    // A folder inside a regular file cannot be made, even by root (ENOTDIR), the same on every machine.
    writeFileSync(join(made.dir, 'notes.txt'), 'x');
    const refused = await write({ format: 'pyrra', path: 'notes.txt/out' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: expect.stringContaining('the folder was left as it was'), details: { field: 'path' } },
    });
    expect(readFileSync(join(made.dir, 'notes.txt'), 'utf8')).toBe('x');
    expect(await write({ format: 'pyrra', path: 'notes.txt' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is a file, not a folder') },
    });
  });

  it('with requireApproved, names every service without an approved version and writes nothing', async () => {
    await value(made.core.call('service/create', { name: 'checkout' }));
    const refused = await write({ format: 'sloth', path: 'out', requireApproved: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '2 services have no approved version, so nothing was exported: chatbot, checkout' },
    });
    expect(listing(join(made.dir, 'out'))).toBeNull();
  });

  it('refuses an unknown format naming the ones there are', async () => {
    expect(await preview({ format: 'nobl9' })).toMatchObject({
      ok: false,
      error: {
        message: 'There is no export format "nobl9"; the formats are openslo, sloth, prometheus-rules, pyrra, markdown, pdf',
        details: { field: 'format' },
      },
    });
  });
});
