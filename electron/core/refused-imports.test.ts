import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsIn } from '#shared/ipc/contract';
import type { Core } from './registry';
import { coreWithSli, removeTempCore, value } from './test/temp-core';

// Store-level check of every refusal: whatever the importer says, a refused import leaves the workspace file
// byte for byte as it was (sha256 of the file, closed) and passing integrity_check. The importers' own tests own
// the wording of each message.

let dir: string;
let core: Core;
let sliId: number;

const CSV = { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' } as const;
const matrix = (times: number[]) =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'up' }, values: times.map((t) => [t, '1']) }] } });

/** Each refusal: a file's bytes and how to import it. */
const REFUSALS: { label: string; bytes: string | Buffer; args?: Partial<ArgsIn<'import/file'>> }[] = [
  { label: 'an empty file', bytes: '' },
  { label: 'random binary bytes', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  {
    label: 'a CSV with a row that is not a number (abort)',
    bytes: 'time,good,total\n2026-01-01T00:00:00Z,99,100\n2026-01-01T00:01:00Z,lots,100\n',
    args: { format: 'csv', csv: CSV },
  },
  { label: 'a CSV whose only row is bad (skip)', bytes: 'time,good,total\n2026-01-01T00:00:00Z,x,100\n', args: { format: 'csv', csv: CSV, onBadRows: 'skip' } },
  { label: 'a CSV in year 0000', bytes: 'time,good,total\n0000-01-01T00:00:00Z,99,100\n0000-01-01T00:01:00Z,99,100\n', args: { format: 'csv', csv: CSV } },
  { label: 'a CSV in year 2201', bytes: 'time,good,total\n2201-01-01T00:00:00Z,99,100\n2201-01-01T00:01:00Z,99,100\n', args: { format: 'csv', csv: CSV } },
  { label: 'query_range JSON at 1e15 s', bytes: matrix([1e15, 1e15 + 60]), args: { format: 'prometheus-json' } },
  {
    label: 'JSON samples at 1e15 s',
    bytes: JSON.stringify([
      { t: 1e15, good: 1, total: 1 },
      { t: 1e15 + 60, good: 1, total: 1 },
    ]),
    args: { format: 'json-samples' },
  },
  { label: 'JSON that is not samples', bytes: '{"hello": "world"}' },
  { label: 'an HTML page', bytes: '<!doctype html><html><body>not history</body></html>' },
  { label: 'a damaged gzip file', bytes: gzipSync(Buffer.from('time,good,total\n')).subarray(0, 12) },
  { label: 'NUL bytes', bytes: Buffer.alloc(2048) },
];

const fileSha = () =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'w.slowb')))
    .digest('hex');

function integrity(): string {
  const db = new Database(join(dir, 'w.slowb'), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ({ dir, core, sliId } = await coreWithSli('swb-refused-'));
  // One import that is kept, so the refusals run beside stored history.
  writeFileSync(join(dir, 'kept.csv'), 'time,good,total\n2026-01-01T00:00:00Z,99,100\n2026-01-01T00:01:00Z,100,100\n');
  expect((await value(core.call('import/file', { sliId, path: 'kept.csv', format: 'csv', csv: CSV }))).status).toBe('stored');
  await value(core.call('workspace/close', {}));
}, 30_000);

afterAll(() => removeTempCore({ dir, core }));

describe('a refused import', () => {
  it.each(REFUSALS.map((r, i) => [r.label, i] as const))(
    '%s leaves the workspace byte for byte and intact',
    async (_label, index) => {
      const refusal = REFUSALS[index]!;
      const file = `refused-${index}.data`;
      writeFileSync(join(dir, file), refusal.bytes);
      const before = fileSha();
      await value(core.call('workspace/open', { path: 'w.slowb' }));
      const listed = await value(core.call('import/list', { sliId }));
      const r = await core.call('import/file', { sliId, path: file, ...refusal.args });
      // Refused as a summary with status "refused" and an error, or as an error result: never stored.
      if (r.ok) {
        expect([refusal.label, r.value.status, r.value.importId]).toEqual([refusal.label, 'refused', null]);
        expect(r.value.issues.some((i) => i.severity === 'error')).toBe(true);
      } else {
        expect(r.error.message.length).toBeGreaterThan(10);
      }
      expect(await value(core.call('import/list', { sliId }))).toEqual(listed);
      await value(core.call('workspace/close', {}));
      expect(fileSha()).toBe(before);
      expect(integrity()).toBe('ok');
    },
    30_000,
  );
});
