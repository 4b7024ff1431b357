import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { electronExecutable, fuseConfig, FUSES } from './fuses.mjs';

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs');
const afterPack = require('./after-pack.cjs') as (context: unknown) => Promise<void>;

// Fuse states as bytes in the wire: ASCII '1' and '0' (@electron/fuses keeps its FuseState enum internal).
const FuseState = { ENABLE: 0x31, DISABLE: 0x30 } as const;

describe('packaging (R10)', () => {
  it('flips exactly the required fuses', () => {
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(fuseConfig('linux')).toMatchObject({ version: '1', resetAdHocDarwinSignature: false });
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('writes the fuses into the packed executable from the afterPack hook', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'swb-pack-'));
    try {
      // A stand-in executable carrying a real fuse wire: sentinel, version 1, eight fuses all enabled.
      const wire = Buffer.concat([
        Buffer.from('\x7fELF…'),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, 8]),
        Buffer.alloc(8, FuseState.ENABLE),
        Buffer.from('…'),
      ]);
      const executable = join(appOutDir, 'slo-workbench');
      writeFileSync(executable, wire);
      expect(config.afterPack).toBe('build/after-pack.cjs');
      await afterPack({
        electronPlatformName: 'linux',
        appOutDir,
        packager: { executableName: 'slo-workbench', appInfo: { productFilename: 'SLO Workbench' } },
      });
      const flipped = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
      for (const [option, on] of Object.entries(FUSES))
        expect(flipped[Number(option)], FuseV1Options[Number(option)]).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
      expect(flipped[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.ENABLE);
    } finally {
      rmSync(appOutDir, { recursive: true, force: true });
    }
  });

  it('finds the packed executable on every platform', () => {
    const packager = { executableName: 'slo-workbench', appInfo: { productFilename: 'SLO Workbench' } };
    expect(electronExecutable({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe('/o/slo-workbench');
    expect(electronExecutable({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe('/o/SLO Workbench.exe');
    expect(electronExecutable({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe('/o/SLO Workbench.app');
  });

  it("matches electron-builder's own configuration schema", async () => {
    // Transitive packages of electron-builder; the schema check is the one `electron-builder` runs first.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, unknownOption: true } }, new DebugLogger(false))).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('packs into an asar, unpacking only native modules', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node', 'node_modules/better-sqlite3/**']);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
  });

  it('builds AppImage and deb on Linux, dmg on macOS and nsis on Windows', () => {
    expect(config.productName).toBe('SLO Workbench');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('registers .slowb files as SLO Workbench workspaces it edits', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'slowb', name: 'SLO Workbench workspace', role: 'Editor' })]);
  });

  it('ships a 512×512 PNG icon', () => {
    const png = readFileSync(join(import.meta.dirname, 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.icon).toBe('build/icon.png');
  });

  it('starts the app from the bundled main process', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main/index.cjs');
  });
});
