// Each layer's tsconfig gives it only the globals its runtime has: shared/ neither the DOM nor Node, the core and the
// hosts Node but no DOM, main and preload Electron's (Node) but no DOM, the renderer the DOM but no Node. A probe file
// planted in each layer and typechecked with that layer's tsconfig proves it, and proves the tsconfig covers the file.
import { describe, expect, it } from 'vitest';
import { typecheckPlanted } from './test/plant';

const noDom = "Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.";
const noNode = (name: string) => `Cannot find name '${name}'. Do you need to install type definitions for node?`;

describe('a layer without the DOM refuses to typecheck document', () => {
  it.each([
    ['shared/tsconfig.json', 'shared/domain'],
    ['electron/core/tsconfig.json', 'electron/core/services'],
    ['electron/hosts/tsconfig.json', 'electron/hosts/server'],
    ['electron/main/tsconfig.json', 'electron/main'],
    ['electron/preload/tsconfig.json', 'electron/preload'],
  ])('%s refuses document in %s', async (tsconfig, folder) => {
    const report = await typecheckPlanted(tsconfig, folder, 'export const title = document.title;\n');
    expect(report.coveredByConfig).toBe(true);
    expect(report.errors).toEqual([`TS2584: ${noDom}`]);
  });
});

describe('a layer without Node refuses to typecheck process, Buffer and require', () => {
  it.each([
    ['shared/tsconfig.json', 'shared/domain', '.ts'],
    ['renderer/tsconfig.json', 'renderer/src/ipc', '.ts'],
    ['renderer/tsconfig.json', 'renderer/src/components', '.tsx'],
  ])('%s refuses them in %s (%s)', async (tsconfig, folder, suffix) => {
    const code = "export const env = process.env;\nexport const bytes = Buffer.from('x');\nexport const fs = require('fs');\n";
    const report = await typecheckPlanted(tsconfig, folder, code, suffix);
    expect(report.coveredByConfig).toBe(true);
    expect(report.errors).toEqual([
      expect.stringContaining(`TS2591: ${noNode('process')}`),
      expect.stringContaining(`TS2591: ${noNode('Buffer')}`),
      expect.stringContaining(`TS2591: ${noNode('require')}`),
    ]);
  });
});

describe('each layer typechecks what its runtime has', () => {
  it.each([
    [
      'shared/tsconfig.json',
      'shared/domain',
      '.ts',
      'export const last = [1, 2].at(-1);\nexport const zone = new Intl.DateTimeFormat("en", { timeZone: "UTC" });\n',
    ],
    [
      'shared/tsconfig.test.json',
      'shared/domain',
      '.test.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const env = process.env;\n",
    ],
    [
      'electron/core/tsconfig.json',
      'electron/core/services',
      '.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const bytes = Buffer.from('x');\n",
    ],
    [
      'electron/hosts/tsconfig.json',
      'electron/hosts/server',
      '.ts',
      "import { createServer } from 'node:http';\nexport const server = createServer;\nexport const env = process.env;\n",
    ],
    ['electron/main/tsconfig.json', 'electron/main', '.ts', "import { app } from 'electron';\nexport const ready = app.whenReady();\n"],
    [
      'electron/preload/tsconfig.json',
      'electron/preload',
      '.ts',
      "import { contextBridge } from 'electron';\nexport const expose = contextBridge.exposeInMainWorld;\n",
    ],
    ['renderer/tsconfig.json', 'renderer/src/ipc', '.ts', 'export const title = document.title;\nexport const answer = fetch("/api");\n'],
    [
      'renderer/tsconfig.test.json',
      'renderer/src/ipc',
      '.test.tsx',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const title = document.title;\n",
    ],
    [
      'renderer/tsconfig.node.json',
      'renderer',
      '.ts',
      "import { fileURLToPath } from 'node:url';\nimport { CSP_META } from '#shared/security/csp';\nexport const a = [fileURLToPath, CSP_META];\n",
    ],
  ])('%s accepts a file in %s (%s)', async (tsconfig, folder, suffix, code) => {
    expect(await typecheckPlanted(tsconfig, folder, code, suffix)).toEqual({ coveredByConfig: true, errors: [] });
  });
});
