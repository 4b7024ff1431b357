// The browser-mode file picker lists history files, gzip-compressed ones included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolder } from './folder-paths';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-list-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('listing a folder for the import wizard', () => {
  it('offers gzip-compressed history files, which the import decompresses, but not other archives', () => {
    for (const name of ['rows.csv', 'rows.csv.gz', 'access.log.gz', 'backup.tar.gz', 'notes.gz', 'rows.zip']) writeFileSync(join(dir, name), 'x');
    expect(
      listFolder(dir, '')
        .entries.filter((e) => e.kind === 'data')
        .map((e) => e.name),
    ).toEqual(['access.log.gz', 'rows.csv', 'rows.csv.gz']);
  });
});
