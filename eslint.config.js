// Lint rules that hold the layering (docs/architecture.md §2) and the security rules of docs/reliability.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
      'no-restricted-syntax': [
        'error',
        ...bannedSecurity,
        { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums (docs/architecture.md §9).' },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./electron', './renderer', './e2e', './bench', './scripts', './build'],
              message: 'shared/ imports nothing else of ours.',
            },
            { target: './renderer/src', from: ['./electron'], message: 'renderer/ never imports electron/.' },
            { target: './electron/core', from: ['./electron/main', './electron/preload', './electron/hosts'], message: 'The core knows no host.' },
          ],
        },
      ],
    },
  },
  {
    // Only the main process and the preload may import Electron.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['electron/main/**', 'electron/preload/**', 'electron/test/**', 'e2e/electron/**', 'scripts/**', 'build/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only electron/main and electron/preload import 'electron'." }] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ uses no Electron API.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ uses no Node API.' })),
          ],
          patterns: [{ group: ['react', 'react-dom', 'react/*'], message: 'shared/ uses no DOM or UI library.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the host only through its IPC client.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node API.' })),
          ],
        },
      ],
    },
  },
  {
    // The only exceptions: the window factory may construct BrowserWindow (R1), the link guard may call openExternal (R6).
    files: ['electron/main/window-factory.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...bannedSecurity.filter((b) => !b.selector.includes("'BrowserWindow'")),
        { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums (docs/architecture.md §9).' },
      ],
    },
  },
  {
    files: ['electron/main/open-external.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...bannedSecurity.filter((b) => !b.selector.includes("'openExternal'")),
        { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums (docs/architecture.md §9).' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
