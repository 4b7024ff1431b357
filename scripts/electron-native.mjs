// Builds better-sqlite3 for Electron's ABI into build/native/electron/, leaving Node's build in node_modules
// untouched (tests, the CLI and browser mode need that one). The main process loads it through
// better-sqlite3's nativeBinding option (electron/main/launch.ts).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the Electron-ABI build goes; must match ELECTRON_NATIVE_BINDING in electron/main/launch.ts. */
export function electronNativePath(root) {
  return join(root, 'build', 'native', 'electron', 'better_sqlite3.node');
}

/** Rebuilds better-sqlite3 against `electronVersion` in a scratch copy and installs the .node file; skips when present. */
export async function ensureElectronNative(root, electronVersion) {
  const target = electronNativePath(root);
  if (existsSync(target)) return target;
  const scratch = join(root, 'build', 'native', '.rebuild');
  rmSync(scratch, { recursive: true, force: true });
  const moduleDir = join(scratch, 'node_modules', 'better-sqlite3');
  cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleDir, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'electron-native-scratch', private: true, dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: scratch, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(join(root, 'build', 'native', 'electron'), { recursive: true });
  copyFileSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(scratch, { recursive: true, force: true });
  return target;
}
