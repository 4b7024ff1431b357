// Probes of the rule that keeps test code out of production: each plants a file that reaches test code and expects
// lint to refuse it by name; the clean cases show that tests and test helpers may import anything.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const RULE = 'test-code/no-import';

/** The messages of the test-code rule for `code` planted at `file`. */
async function testCodeMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('production code never imports test code', () => {
  it.each([
    ['electron/core/services/x.ts', "import { tempCore } from '../test/temp-core';\nexport const a = tempCore;\n", '../test/temp-core'],
    ['electron/core/services/x.ts', "export { value } from '../test/temp-core';\n", '../test/temp-core'],
    ['electron/core/services/x.ts', "import { series } from './import-store.test';\nexport const a = series;\n", './import-store.test'],
    ['electron/hosts/server/x.ts', "import { startHarness } from '../test/server-harness';\nexport const a = startHarness;\n", '../test/server-harness'],
    ['renderer/src/store/x.ts', "import { FakeCore } from '../test/fake-core';\nexport const a = FakeCore;\n", '../test/fake-core'],
    ['shared/domain/x.ts', "import { seed } from '#shared/importers/test/seed';\nexport const a = seed;\n", '#shared/importers/test/seed'],
    ['electron/main/x.ts', "import { app } from '../test/electron-double';\nexport const a = app;\n", '../test/electron-double'],
    ['electron/core/workers/x.ts', "export const w = new URL('../test/fixtures/echo-worker.ts', import.meta.url);\n", '../test/fixtures/echo-worker.ts'],
    ['electron/core/x.ts', "export const load = () => import('../../e2e/browser/helpers');\n", '../../e2e/browser/helpers'],
  ])('refuses in %s: %j', async (file, code, spec) => {
    expect(await testCodeMessages(file, code)).toEqual([
      `${spec} is test code (a *.test file or under a test folder); production code never imports it: move what both need into production code (docs/architecture.md §2).`,
    ]);
  });

  it.each([
    [
      'a production file importing production code',
      'electron/core/services/x.ts',
      "import { openWorkspaceDb } from '../storage/db';\nexport const a = openWorkspaceDb;\n",
    ],
    ['a production file naming a worker', 'electron/core/services/x.ts', "export const w = new URL('../workers/parse-worker.ts', import.meta.url);\n"],
    ['a test importing a test helper', 'electron/core/x.test.ts', "import { tempCore } from './test/temp-core';\nexport const a = tempCore;\n"],
    [
      'a test helper importing production and other helpers',
      'electron/hosts/test/y.ts',
      "import { runCli } from '../cli/run-cli';\nimport { makeSandbox } from './cli-sandbox';\nexport const a = [runCli, makeSandbox];\n",
    ],
    [
      'a renderer test helper',
      'renderer/src/test/y.ts',
      "import { createAppStore } from '../store/store';\nimport { FakeCore } from './fake-core';\nexport const a = [createAppStore, FakeCore];\n",
    ],
  ])('allows %s', async (_what, file, code) => {
    expect(await testCodeMessages(file, code)).toEqual([]);
  });
});
