// Each import rule of the layering (docs/architecture.md §2) is planted as a real file in its layer and refused by
// lint with a message that names the rule; the allowed imports of each layer pass, so the rules do not refuse everything.
import { describe, expect, it } from 'vitest';
import { lintPlanted } from './test/plant';

const zone = 'import-x/no-restricted-paths';
const named = 'no-restricted-imports';

describe('the layering is enforced by lint, not by habit', () => {
  it.each([
    [
      'a relative import of electron/core in shared/',
      'shared/domain',
      "import { createCore } from '../../electron/core/registry';\nexport const a = createCore;\n",
      zone,
      'shared/ imports nothing of ours outside shared/',
    ],
    [
      'a relative import of electron/hosts in shared/',
      'shared/domain',
      "import { SECURITY_HEADERS } from '../../electron/hosts/assets';\nexport const a = SECURITY_HEADERS;\n",
      zone,
      'shared/ imports nothing of ours outside shared/',
    ],
    ['node:fs in shared/', 'shared/domain', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", named, 'shared/ uses no Node API'],
    ['the bare Node builtin path in shared/', 'shared/domain', "import { join } from 'path';\nexport const a = join;\n", named, 'shared/ uses no Node API'],
    ['better-sqlite3 in shared/', 'shared/domain', "import Database from 'better-sqlite3';\nexport const a = Database;\n", named, 'shared/ stores nothing'],
    ['electron in shared/', 'shared/domain', "import { app } from 'electron';\nexport const a = app;\n", named, 'shared/ uses no Electron API'],
    ['React in shared/', 'shared/domain', "import { useState } from 'react';\nexport const a = useState;\n", named, 'shared/ uses no UI library'],
    [
      'electron/hosts in renderer/src',
      'renderer/src/ipc',
      "import { SECURITY_HEADERS } from '../../../electron/hosts/assets';\nexport const a = SECURITY_HEADERS;\n",
      zone,
      'renderer/ never imports electron/',
    ],
    [
      "electron/hosts in a build file at the renderer's root (like vite.config.ts)",
      'renderer',
      "import { SECURITY_HEADERS } from '../electron/hosts/assets';\nexport const a = SECURITY_HEADERS;\n",
      zone,
      'renderer/ never imports electron/',
    ],
    ['electron in renderer/', 'renderer/src/ipc', "import { app } from 'electron';\nexport const a = app;\n", named, "renderer/ does not import 'electron'"],
    [
      'the bare Node builtin fs in renderer/',
      'renderer/src/ipc',
      "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n",
      named,
      'renderer/ uses no Node API',
    ],
    [
      'better-sqlite3 in renderer/',
      'renderer/src/ipc',
      "import Database from 'better-sqlite3';\nexport const a = Database;\n",
      named,
      'renderer/ never opens a workspace',
    ],
    [
      'electron/main in electron/core',
      'electron/core',
      "import { startApp } from '../main/app';\nexport const a = startApp;\n",
      zone,
      'electron/core knows no host',
    ],
    [
      'electron/hosts in electron/core',
      'electron/core',
      "import { SECURITY_HEADERS } from '../hosts/assets';\nexport const a = SECURITY_HEADERS;\n",
      zone,
      'electron/core knows no host',
    ],
    [
      'electron/preload in electron/core',
      'electron/core',
      "import { IPC_INVOKE } from '../preload/ipc-names';\nexport const a = IPC_INVOKE;\n",
      zone,
      'electron/core knows no host',
    ],
    [
      'electron in electron/core',
      'electron/core',
      "import { app } from 'electron';\nexport const a = app;\n",
      named,
      "electron/core does not import 'electron'",
    ],
    ['React in electron/core', 'electron/core', "import { useState } from 'react';\nexport const a = useState;\n", named, 'electron/core uses no UI library'],
    [
      'electron/main in electron/hosts',
      'electron/hosts/server',
      "import { startApp } from '../../main/app';\nexport const a = startApp;\n",
      zone,
      'electron/hosts (CLI, browser-mode server) never import electron/main',
    ],
    [
      'electron/preload in electron/hosts',
      'electron/hosts/cli',
      "import { IPC_INVOKE } from '../../preload/ipc-names';\nexport const a = IPC_INVOKE;\n",
      zone,
      'never import electron/main or electron/preload',
    ],
    [
      'electron in electron/hosts',
      'electron/hosts/server',
      "import { app } from 'electron';\nexport const a = app;\n",
      named,
      "Only electron/main and electron/preload import 'electron'",
    ],
    [
      'the core in electron/preload',
      'electron/preload',
      "import { createCore } from '../core/registry';\nexport const a = createCore;\n",
      zone,
      'electron/preload imports only the IPC contract',
    ],
    [
      'a shared module outside shared/ipc in electron/preload',
      'electron/preload',
      "import { TIERS } from '#shared/domain/types';\nexport const a = TIERS;\n",
      zone,
      'electron/preload imports only the IPC contract',
    ],
    [
      'a package other than electron in electron/preload',
      'electron/preload',
      "import { z } from 'zod';\nexport const a = z;\n",
      named,
      'electron/preload imports only the IPC contract',
    ],
    [
      'a Node builtin in electron/preload',
      'electron/preload',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      named,
      'electron/preload imports only the IPC contract',
    ],
  ])('refuses %s', async (_what, folder, code, rule, words) => {
    expect(await lintPlanted(folder, code)).toContainEqual({ rule, message: expect.stringContaining(words) });
  });
});

describe('each layer may still import what it is meant to', () => {
  it.each([
    [
      'shared/: packages, #shared and relative imports inside shared/',
      'shared/domain',
      "import { z } from 'zod';\nimport { TIERS } from '#shared/domain/types';\nimport { tierThresholdMs } from './tiers';\nexport const a = [z, TIERS, tierThresholdMs];\n",
    ],
    [
      'renderer/src: React and the contract',
      'renderer/src/ipc',
      "import { useState } from 'react';\nimport { CHANNELS } from '#shared/ipc/contract';\nexport const a = [useState, CHANNELS];\n",
    ],
    [
      "the renderer's build files: Node and shared/",
      'renderer',
      "import { fileURLToPath } from 'node:url';\nimport { CSP_META } from '#shared/security/csp';\nexport const a = [fileURLToPath, CSP_META];\n",
    ],
    [
      'electron/core: SQLite, Node and shared/',
      'electron/core',
      "import Database from 'better-sqlite3';\nimport { readFileSync } from 'node:fs';\nimport { TIERS } from '#shared/domain/types';\nexport const a = [Database, readFileSync, TIERS];\n",
    ],
    [
      'electron/hosts: Node and the core',
      'electron/hosts/server',
      "import { createServer } from 'node:http';\nimport { createCore } from '../../core/registry';\nexport const a = [createServer, createCore];\n",
    ],
    [
      'electron/preload: electron, the contract and its own files',
      'electron/preload',
      "import { contextBridge } from 'electron';\nimport { CHANNELS } from '#shared/ipc/contract';\nimport { IPC_INVOKE } from './ipc-names';\nexport const a = [contextBridge, CHANNELS, IPC_INVOKE];\n",
    ],
    [
      "electron/main: electron, the core, the hosts' assets and the preload's channel names",
      'electron/main',
      "import { app } from 'electron';\nimport { createCore } from '../core/registry';\nimport { SECURITY_HEADERS } from '../hosts/assets';\nimport { IPC_INVOKE } from '../preload/ipc-names';\nexport const a = [app, createCore, SECURITY_HEADERS, IPC_INVOKE];\n",
    ],
  ])('lets %s pass', async (_what, folder, code) => {
    expect(await lintPlanted(folder, code)).toEqual([]);
  });

  it('lets the tests of shared/ and of the renderer read their fixtures with Node', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n";
    expect(await lintPlanted('shared/domain', code, '.test.ts')).toEqual([]);
    expect(await lintPlanted('renderer/src/ipc', code, '.test.ts')).toEqual([]);
  });
});
