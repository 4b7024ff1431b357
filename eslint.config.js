// Lint rules that hold the layering (docs/architecture.md §2) and the security rules of docs/reliability.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { noTestCode } from './scripts/lint-rules/no-test-code.mjs';

// A table of selectors, one rule a line: alike in shape on purpose, each names its own rule.
const bannedSecurity = [
  { selector: "NewExpression[callee.name='BrowserWindow']", message: 'Build windows only through electron/main/window-factory.ts (R1).' },
  { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration must stay false (R1).' },
  { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation must stay true (R1).' },
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'sandbox must stay true (R1).' },
  { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay true (R1).' },
  { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open external links only through openExternalSafe (R6).' },
  { selector: "CallExpression[callee.property.name='loadFile']", message: 'Serve the UI from app://bundle, never file:// (R8).' },
  { selector: "CallExpression[callee.property.name='unsafeMode']", message: 'better-sqlite3 unsafeMode is forbidden (R11).' },
  { selector: 'Literal[value=/synchronous\\s*=\\s*(OFF|0)|journal_mode\\s*=\\s*(OFF|MEMORY)/i]', message: 'Forbidden pragma (R11).' },
  { selector: "CallExpression[callee.property.name='transaction'] > :function[async=true]", message: 'No async work inside a SQLite transaction (R12).' },
  { selector: "CallExpression[callee.property.name='transaction'] AwaitExpression", message: 'No await inside a SQLite transaction (R12).' },
  { selector: "CallExpression[callee.property.name='copyFile']", message: 'Copy workspaces only with the backup API or VACUUM INTO (R14).' },
  { selector: "CallExpression[callee.name='copyFileSync']", message: 'Copy workspaces only with the backup API or VACUUM INTO (R14).' },
];

// Every layer rule of docs/architecture.md §2, each with a message that names the rule.
// scripts/lint-zones*.test.ts plants a violation of each one and expects lint or typecheck to refuse it.
const root = fileURLToPath(new URL('.', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const reactPackages = ['react', 'react/*', 'react-dom', 'react-dom/*'];
const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

const rule = {
  sharedOutside: 'shared/ imports nothing of ours outside shared/: it is the pure layer all others build on (docs/architecture.md §2).',
  sharedNode: 'shared/ uses no Node API: it runs unchanged in the page, the core and the workers (docs/architecture.md §2).',
  sharedSqlite: 'shared/ stores nothing: better-sqlite3 belongs to electron/core/storage (docs/architecture.md §2).',
  sharedElectron: 'shared/ uses no Electron API (docs/architecture.md §2).',
  sharedReact: 'shared/ uses no UI library: React belongs to renderer/ (docs/architecture.md §2).',
  sharedClock: 'shared/ reads no clock: the current time is passed in (clock and RNG are passed in, docs/architecture.md §2).',
  sharedRandom: 'shared/ draws no random numbers itself: the RNG is passed in (clock and RNG are passed in, docs/architecture.md §2).',
  rendererElectronFolder: 'renderer/ never imports electron/: the page reaches the host only through the IPC contract in shared/ipc (docs/architecture.md §2).',
  rendererElectron: "renderer/ does not import 'electron': the sandboxed page talks to the host only through its IPC client (docs/architecture.md §2).",
  rendererNode: 'renderer/ uses no Node API: the page is sandboxed (docs/architecture.md §2).',
  rendererSqlite: 'renderer/ never opens a workspace: better-sqlite3 belongs to electron/core/storage (docs/architecture.md §2).',
  coreHosts: 'electron/core knows no host: it imports neither electron/hosts, electron/main nor electron/preload (docs/architecture.md §2).',
  coreElectron: "electron/core does not import 'electron': the same core runs under the CLI and browser mode (docs/architecture.md §2).",
  coreReact: 'electron/core uses no UI library: React belongs to renderer/ (docs/architecture.md §2).',
  hostsElectronApp:
    'electron/hosts (CLI, browser-mode server) never import electron/main or electron/preload: they run without Electron (docs/architecture.md §2).',
  electronElsewhere: "Only electron/main and electron/preload import 'electron' (docs/architecture.md §2).",
  preloadOnlyContract: "electron/preload imports only the IPC contract (#shared/ipc/...) and 'electron' (docs/architecture.md §2).",
  dynamicImport: 'import() takes a string literal only: a computed module name escapes typecheck, lint and the bundler (docs/architecture.md §2).',
};

const zones = [
  { target: './shared', from: '.', except: ['./shared', './node_modules'], message: rule.sharedOutside },
  { target: './renderer', from: './electron', message: rule.rendererElectronFolder },
  { target: './electron/core', from: ['./electron/hosts', './electron/main', './electron/preload'], message: rule.coreHosts },
  { target: './electron/hosts', from: ['./electron/main', './electron/preload'], message: rule.hostsElectronApp },
];
const preloadZone = {
  target: './electron/preload',
  from: '.',
  except: ['./electron/preload', './shared/ipc', './node_modules/electron'],
  message: rule.preloadOnlyContract,
};

const banNames = (message, names) => names.map((name) => ({ name, message }));
const restrictImports = (paths, patterns = []) => ['error', { paths, patterns }];

const enumBan = { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums (docs/architecture.md §9).' };
const dynamicImportBan = { selector: 'ImportExpression[source.type!="Literal"]', message: rule.dynamicImport };
const clockAndRandomBans = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: rule.sharedClock },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: rule.sharedClock },
  { selector: "CallExpression[callee.name='Date']", message: rule.sharedClock },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: rule.sharedClock },
  { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]", message: rule.sharedClock },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: rule.sharedRandom },
  { selector: "CallExpression[callee.object.name='crypto'][callee.property.name=/^(getRandomValues|randomUUID)$/]", message: rule.sharedRandom },
];
const restrictSyntax = (...bans) => ['error', ...bans];
const handlerRepos = 'A handler calls a service, never a repository: move the storage access into electron/core/services (electron/core/context.ts).';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.tsbuild/', 'test-results/', 'playwright-report/', 'e2e/artifacts/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    // Zones need resolved paths; our imports are extensionless TypeScript.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // Small files with one job (docs/architecture.md §2).
      'max-lines': ['error', { max: 500 }],
      'no-restricted-syntax': restrictSyntax(...bannedSecurity, enumBan, dynamicImportBan),
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/main/**', 'electron/preload/**', 'electron/test/**', 'e2e/electron/**', 'scripts/**', 'build/**'],
    rules: { 'no-restricted-imports': restrictImports(banNames(rule.electronElsewhere, ['electron'])) },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        [...banNames(rule.sharedElectron, ['electron']), ...banNames(rule.sharedSqlite, ['better-sqlite3'])],
        [{ group: reactPackages, message: rule.sharedReact }],
      ),
    },
  },
  {
    // Tests of shared/ may read their fixtures with Node (shared/tsconfig.test.json); the code under test may not.
    files: ['shared/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': restrictImports(
        [...banNames(rule.sharedElectron, ['electron']), ...banNames(rule.sharedSqlite, ['better-sqlite3']), ...banNames(rule.sharedNode, nodeBuiltins)],
        [{ group: reactPackages, message: rule.sharedReact }],
      ),
      'no-restricted-syntax': restrictSyntax(...bannedSecurity, enumBan, dynamicImportBan, ...clockAndRandomBans),
    },
  },
  {
    // renderer/vite.config.ts runs in Node (it may use node:url) but still never reads electron/.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrictImports([...banNames(rule.rendererElectron, ['electron']), ...banNames(rule.rendererSqlite, ['better-sqlite3'])]),
    },
  },
  {
    files: ['renderer/src/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': restrictImports([
        ...banNames(rule.rendererElectron, ['electron']),
        ...banNames(rule.rendererSqlite, ['better-sqlite3']),
        ...banNames(rule.rendererNode, nodeBuiltins),
      ]),
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': restrictImports(banNames(rule.coreElectron, ['electron']), [{ group: reactPackages, message: rule.coreReact }]),
    },
  },
  {
    // The preload's tests use the Electron double of electron/test; the preload itself only the contract.
    files: ['electron/preload/**'],
    ignores: testFiles,
    rules: {
      // Packages are refused by name too: the zone below judges resolved paths, which a symlinked node_modules moves.
      'no-restricted-imports': restrictImports(banNames(rule.preloadOnlyContract, nodeBuiltins), [
        { regex: '^(?![.#]|electron$)', message: rule.preloadOnlyContract },
      ]),
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...zones, preloadZone] }],
    },
  },
  {
    // The only exceptions: the window factory may construct BrowserWindow (R1), the link guard may call openExternal (R6).
    files: ['electron/main/window-factory.ts'],
    rules: {
      'no-restricted-syntax': restrictSyntax(...bannedSecurity.filter((b) => !b.selector.includes("'BrowserWindow'")), enumBan, dynamicImportBan),
    },
  },
  {
    files: ['electron/main/open-external.ts'],
    rules: {
      'no-restricted-syntax': restrictSyntax(...bannedSecurity.filter((b) => !b.selector.includes("'openExternal'")), enumBan, dynamicImportBan),
    },
  },
  {
    // Handlers call services, services call repositories: a handler neither imports storage nor reaches a repository
    // through the session (electron/core/context.ts; scripts/lint-core-shape.test.ts).
    files: ['electron/core/handlers/**'],
    rules: {
      'no-restricted-syntax': restrictSyntax(...bannedSecurity, enumBan, dynamicImportBan, {
        selector: 'CallExpression[callee.property.name=/^(reader|series|alertSets|exclusions|edit|editWorkspace)$/]',
        message: handlerRepos,
      }),
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...zones, { target: './electron/core/handlers', from: './electron/core/storage', message: handlerRepos }] },
      ],
    },
  },
  {
    // Production code never imports test code: helpers and fixtures live under test folders (scripts/lint-test-folders.test.ts).
    files: ['shared/**', 'electron/**', 'renderer/**'],
    ignores: [...testFiles, '**/*.spec.ts', '**/test/**', '**/tests/**', '**/__tests__/**'],
    plugins: { 'test-code': { rules: { 'no-import': noTestCode } } },
    rules: { 'test-code/no-import': ['error', { root }] },
  },
  {
    // Tests, benchmarks and scripts may build windows, pragmas and enums to test them; a computed import() stays banned.
    files: [...testFiles, 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': restrictSyntax(dynamicImportBan) },
  },
);
