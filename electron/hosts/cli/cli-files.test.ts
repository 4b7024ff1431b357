import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import { LATEST_SCHEMA_VERSION } from '../../core/storage/db';

let box: Sandbox;

beforeEach(() => {
  box = makeSandbox();
});

afterEach(() => box.cleanup());

const foreign: Array<{ what: string; make: (path: string) => void; message: (name: string) => string }> = [
  {
    what: 'a file of random bytes',
    make: (p) => writeFileSync(p, randomBytes(4096)),
    message: (n) => `${n} is not an SLO Workbench workspace (it is not a SQLite database)`,
  },
  { what: 'an empty file', make: (p) => writeFileSync(p, ''), message: (n) => `${n} is empty: it is not an SLO Workbench workspace` },
  {
    what: 'another SQLite database',
    make: (p) => {
      const db = new Database(p);
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')");
      db.close();
    },
    message: (n) => `${n} is a SQLite database but not an SLO Workbench workspace`,
  },
];

describe('slo-workbench and files that are not workspaces', () => {
  it.each(foreign)('refuses to open $what with a clear error and leaves its bytes unchanged', async ({ make, message }) => {
    make(box.path('other.db'));
    const hash = box.sha256('other.db');
    const commands = [
      ['show', '--workspace', 'other.db'],
      ['service', 'list', '--workspace', 'other.db'],
      ['service', 'add', '--workspace', 'other.db', 'x'],
    ];
    for (const argv of commands) {
      const r = await box.run(...argv);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderrLines).toEqual([`error: ${message('other.db')} [--workspace]`]);
    }
    const json = await box.run('show', '--workspace', 'other.db', '--json');
    expect(JSON.parse(json.stderr)).toEqual({
      ok: false,
      error: { code: 'NOT_A_WORKSPACE', message: message('other.db'), details: { path: box.path('other.db'), option: '--workspace' } },
    });
    expect(box.sha256('other.db')).toBe(hash);
    // No journal, WAL or backup file was left beside it either.
    expect(
      readdirSync(box.dir)
        .filter((f) => f.startsWith('other.db'))
        .sort(),
    ).toEqual(['other.db']);
  });

  it('refuses to create a workspace over an existing file and leaves it unchanged', async () => {
    writeFileSync(box.path('notes.txt'), 'precious');
    const hash = box.sha256('notes.txt');
    const r = await box.run('workspace', 'create', 'notes.txt');
    expect(r.code).toBe(1);
    expect(r.stderrLines).toEqual(['error: notes.txt already exists; choose another name [FILE]']);
    expect(box.sha256('notes.txt')).toBe(hash);
  });

  it('creates workspaces relative to the working directory and keeps recent files in $SLO_WORKBENCH_HOME', async () => {
    const r = await box.run('workspace', 'create', 'team.slowb');
    expect(r).toMatchObject({ code: 0, stdout: `Created workspace ${box.path('team.slowb')} (schema ${LATEST_SCHEMA_VERSION})`, stderr: '' });
    expect(existsSync(box.path('team.slowb'))).toBe(true);
    expect(existsSync(box.path('home/settings.json'))).toBe(true);
  });
});
