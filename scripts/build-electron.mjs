#!/usr/bin/env node
// Bundles the Electron main process and the sandboxed preload with esbuild (docs/architecture.md §2).
// The preload may require only 'electron' (R3), so its channel allowlist is computed here from the contract
// and inlined, keeping zod and the schemas out of the preload bundle.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Reads the preload's channel allowlist from the contract, as the unbundled preload computes it. */
export async function preloadChannels(root = ROOT) {
  const module = await tsImport(pathToFileURL(join(root, 'electron/preload/allowed-channels.ts')).href, import.meta.url);
  return [...module.PRELOAD_CHANNELS];
}

/** An esbuild plugin that replaces electron/preload/allowed-channels.ts with a literal list. */
function inlineChannels(channels) {
  return {
    name: 'inline-preload-channels',
    setup(b) {
      b.onLoad({ filter: /[\\/]electron[\\/]preload[\\/]allowed-channels\.ts$/ }, () => ({
        contents: `export const PRELOAD_CHANNELS = ${JSON.stringify(channels)};\n`,
        loader: 'js',
      }));
    },
  };
}

// CommonJS has no import.meta.url; modules that locate files beside themselves (worker entries) get the bundle's own URL.
const IMPORT_META_URL = {
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

/** Worker entries, bundled beside the main bundle's folder so `new URL('../workers/x.ts', import.meta.url)` finds x.cjs. */
const WORKERS = ['parse-worker', 'simulate-worker', 'spec-worker'];

/** Builds dist/electron/main/index.cjs, the worker entries and dist/electron/preload/index.cjs (or the same under outDir). */
export async function buildElectron({ root = ROOT, outDir = join(root, 'dist', 'electron'), minify = false } = {}) {
  const common = { bundle: true, format: 'cjs', sourcemap: 'linked', minify, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };
  const main = join(outDir, 'main', 'index.cjs');
  const preload = join(outDir, 'preload', 'index.cjs');
  await build({
    ...common,
    ...IMPORT_META_URL,
    entryPoints: [join(root, 'electron/main/index.ts')],
    outfile: main,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
  });
  for (const worker of WORKERS) {
    await build({
      ...common,
      ...IMPORT_META_URL,
      entryPoints: [join(root, `electron/core/workers/${worker}.ts`)],
      outfile: join(outDir, 'workers', `${worker}.cjs`),
      platform: 'node',
      target: 'node22',
    });
  }
  await build({
    ...common,
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: preload,
    // 'browser' makes any accidental Node built-in import fail the build instead of reaching the sandbox.
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    plugins: [inlineChannels(await preloadChannels(root))],
  });
  return { main, preload };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { main, preload } = await buildElectron();
  console.log(`built ${main}\nbuilt ${preload}`);
}
