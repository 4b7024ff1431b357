import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layering is enforced by lint, not by habit', () => {
  it.each([
    ['shared/domain/x.ts', "import { createCore } from '../../electron/core/registry';\nexport const a = createCore;\n", 'import-x/no-restricted-paths'],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
    ['renderer/src/ipc/x.ts', "import { CSP } from '../../../electron/hosts/assets';\nexport const a = CSP;\n", 'import-x/no-restricted-paths'],
    ['renderer/src/ipc/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
    ['electron/core/x.ts', "import { startApp } from '../main/app';\nexport const a = startApp;\n", 'import-x/no-restricted-paths'],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
    ['electron/hosts/server/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
  ])('refuses in %s: %s', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it('lets the main process import electron and the shared contract', async () => {
    expect(
      await ruleIds(
        'electron/main/x.ts',
        "import { app } from 'electron';\nimport { CHANNELS } from '#shared/ipc/contract';\nexport const a = [app, CHANNELS];\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ['const w = new BrowserWindow({});\nexport { w };\n', 'electron/main/x.ts'],
    ['export const o = { webPreferences: { nodeIntegration: true } };\n', 'electron/main/x.ts'],
    ['export const f = (db: { transaction(fn: () => unknown): unknown }) => db.transaction(async () => 1);\n', 'electron/core/x.ts'],
    ["export const p = 'PRAGMA synchronous = OFF';\n", 'electron/core/x.ts'],
  ])('bans the unsafe pattern %j', async (code, file) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-syntax');
  });
});
