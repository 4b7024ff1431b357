// An ESLint rule: production code never reaches test code. A module is test code when its path inside the repository
// passes through a test folder (test/, tests/, __tests__/, e2e/) or its name is *.test.* or *.spec.*. Checked for
// import and export ... from, import(), require() and new URL(literal, import.meta.url) (how workers are started).
import { dirname, relative, resolve, sep } from 'node:path';

const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'e2e']);
const TEST_NAME = /\.(test|spec)(\.[cm]?[jt]sx?)?$/;

/** Whether a repository-relative path is test code. */
export function isTestPath(pathInRepo) {
  const parts = pathInRepo.split(sep);
  return parts.slice(0, -1).some((p) => TEST_FOLDERS.has(p)) || TEST_NAME.test(parts.at(-1) ?? '');
}

/** @type {import('eslint').Rule.RuleModule} */
export const noTestCode = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: {
      testCode:
        '{{spec}} is test code (a *.test file or under a test folder); production code never imports it: move what both need into production code (docs/architecture.md §2).',
    },
  },
  create(context) {
    const { root } = context.options[0];
    const from = dirname(context.filename);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      let target;
      if (spec.startsWith('.')) target = resolve(from, spec);
      else if (spec.startsWith('#shared/')) target = resolve(root, 'shared', spec.slice('#shared/'.length));
      else return; // packages and Node built-ins
      const inRepo = relative(root, target);
      if (!inRepo.startsWith('..') && isTestPath(inRepo)) context.report({ node, messageId: 'testCode', data: { spec } });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression(node) {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(arg, arg.value);
      },
      NewExpression(node) {
        const [arg, base] = node.arguments;
        const metaUrl = base?.type === 'MemberExpression' && base.object.type === 'MetaProperty' && base.property.name === 'url';
        if (node.callee.type === 'Identifier' && node.callee.name === 'URL' && metaUrl && arg?.type === 'Literal') check(arg, arg.value);
      },
    };
  },
};
