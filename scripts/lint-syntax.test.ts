// The syntax rules: shared/ reads no clock and no RNG, import() takes only a string literal, no file passes 500 lines,
// and the security bans of docs/reliability.md. Each is planted as a real file and refused with a message naming it.
import { describe, expect, it } from 'vitest';
import { lintPlanted } from './test/plant';

const syntax = 'no-restricted-syntax';
const clock = 'shared/ reads no clock';
const rng = 'shared/ draws no random numbers itself';
const literalImport = 'import() takes a string literal only';

describe('shared/ is deterministic: clock and RNG are passed in', () => {
  it.each([
    ['Date.now()', 'export const nowMs = Date.now();\n', clock],
    ['new Date() without arguments', 'export const now = new Date();\n', clock],
    ['Date() called as a function', 'export const now = Date();\n', clock],
    ['performance.now()', 'export const t = performance.now();\n', clock],
    ["luxon's DateTime.now()", "import { DateTime } from 'luxon';\nexport const now = DateTime.now();\n", clock],
    ['Math.random()', 'export const r = Math.random();\n', rng],
    ['crypto.randomUUID()', 'export const id = crypto.randomUUID();\n', rng],
  ])('refuses %s in shared/', async (_what, code, words) => {
    expect(await lintPlanted('shared/analysis', code)).toContainEqual({ rule: syntax, message: expect.stringContaining(words) });
  });

  it('lets shared/ build dates from the times it is given', async () => {
    const code =
      "import { DateTime } from 'luxon';\nexport const at = (nowMs: number) => [new Date(nowMs), Date.UTC(2026, 0, 1), DateTime.fromMillis(nowMs)];\n";
    expect(await lintPlanted('shared/analysis', code)).toEqual([]);
  });

  it('lets the tests of shared/ read the clock, and the core too', async () => {
    const code = 'export const nowMs = Date.now() + Math.random();\n';
    expect(await lintPlanted('shared/analysis', code, '.test.ts')).toEqual([]);
    expect(await lintPlanted('electron/core/services', code)).toEqual([]);
  });
});

describe('import() takes a string literal only, everywhere', () => {
  it.each([
    ['a variable', 'electron/main', '.ts', 'const name = "./app";\nexport const m = import(name);\n'],
    ['a template with a hole', 'electron/core/workers', '.ts', 'export const load = (kind: string) => import(`./${kind}-worker`);\n'],
    ['a concatenation', 'shared/domain', '.ts', "export const load = (kind: string) => import('./' + kind);\n"],
    ['a parameter', 'renderer/src', '.tsx', 'export const load = (name: string) => import(name);\n'],
    ['a parameter', 'scripts', '.test.ts', 'export const load = (name: string) => import(name);\n'],
  ])('refuses import() of %s in %s (a %s file)', async (_what, folder, suffix, code) => {
    expect(await lintPlanted(folder, code, suffix)).toContainEqual({ rule: syntax, message: expect.stringContaining(literalImport) });
  });

  it('lets a string literal through', async () => {
    expect(await lintPlanted('electron/main', "export const m = import('node:fs');\n")).toEqual([]);
  });
});

describe('no file is longer than 500 lines', () => {
  it('refuses a 600-line file wherever it is', async () => {
    const code = Array.from({ length: 600 }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
    for (const folder of ['electron/core/services', 'renderer/src', 'shared/budget']) {
      expect(await lintPlanted(folder, code)).toContainEqual({ rule: 'max-lines', message: 'File has too many lines (600). Maximum allowed is 500.' });
    }
  });

  it('lets a 500-line file through', async () => {
    const code = Array.from({ length: 500 }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
    expect(await lintPlanted('electron/core/services', code)).toEqual([]);
  });
});

describe('the security bans of docs/reliability.md', () => {
  it.each([
    ['a BrowserWindow outside the window factory', 'electron/main', 'const w = new BrowserWindow({});\nexport { w };\n', 'window-factory.ts (R1)'],
    ['nodeIntegration: true', 'electron/main', 'export const o = { webPreferences: { nodeIntegration: true } };\n', 'nodeIntegration must stay false (R1)'],
    [
      'async work inside a SQLite transaction',
      'electron/core',
      'export const f = (db: { transaction(fn: () => unknown): unknown }) => db.transaction(async () => 1);\n',
      'No async work inside a SQLite transaction (R12)',
    ],
    ['a pragma that turns durability off', 'electron/core', "export const p = 'PRAGMA synchronous = OFF';\n", 'Forbidden pragma (R11)'],
  ])('refuses %s', async (_what, folder, code, words) => {
    expect(await lintPlanted(folder, code)).toContainEqual({ rule: syntax, message: expect.stringContaining(words) });
  });
});
