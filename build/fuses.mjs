// The Electron fuses flipped in every packaged build (R10), and where the packaged executable lives.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

/** The fuse settings, keyed by FuseV1Options: no Node mode, no NODE_OPTIONS or inspector flags, asar only and checked. */
// One fuse a line on purpose: build/packaging.test.ts lists them again to assert each one (R10).
export const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The @electron/fuses config for one platform; macOS needs its ad-hoc signature redone after the flip. */
export function fuseConfig(platform) {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas', ...FUSES };
}

/** The packaged Electron executable an afterPack context describes (the same rule electron-builder uses). */
export function electronExecutable(context) {
  const platform = context.electronPlatformName;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[platform];
  if (ext === undefined) throw new Error(`Unknown platform ${platform}`);
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return join(context.appOutDir, `${name}${ext}`);
}
