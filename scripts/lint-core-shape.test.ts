// Probes of the core's shape (electron/core/context.ts): a handler that reaches a repository is refused by lint,
// naming the rule; a handler that calls a service passes.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const MESSAGE = 'A handler calls a service, never a repository: move the storage access into electron/core/services (electron/core/context.ts).';

/** The rule ids and messages lint reports for `code` planted as a handler file. */
async function handlerMessages(code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}electron/core/handlers/x.ts` });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

describe('handlers call services, never repositories', () => {
  it.each([
    [
      'reads the catalog repository',
      "import type { HandlerContext } from '../context';\nexport const h = (ctx: HandlerContext) => ctx.session.reader().listServices();\n",
    ],
    [
      'reads the series repository',
      "import type { HandlerContext } from '../context';\nexport const h = (ctx: HandlerContext) => ctx.session.series().listImports(1);\n",
    ],
    [
      'writes through an edit of its own',
      "import type { HandlerContext } from '../context';\nexport const h = (ctx: HandlerContext) => ctx.session.edit('x', null, () => ({ serviceId: null, value: 1 }));\n",
    ],
  ])('refuses a handler that %s', async (_what, code) => {
    expect(await handlerMessages(code)).toEqual([{ ruleId: 'no-restricted-syntax', message: MESSAGE }]);
  });

  it('refuses a handler that imports storage', async () => {
    expect(await handlerMessages("import { SeriesRepo } from '../storage/repos/series-repo';\nexport const h = SeriesRepo;\n")).toEqual([
      { ruleId: 'import-x/no-restricted-paths', message: `Unexpected path "../storage/repos/series-repo" imported in restricted zone. ${MESSAGE}` },
    ]);
  });

  it('lets a handler call a service and announce the change', async () => {
    const code =
      "import type { HandlerContext } from '../context';\nimport { listImports } from '../services/import-list';\n" +
      'export const h = (ctx: HandlerContext) => listImports(ctx.session, 1);\n';
    expect(await handlerMessages(code)).toEqual([]);
  });
});
