// electron-builder configuration: `npm run dist`. Fuses are flipped in build/after-pack.cjs (R10).

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'dev.sloworkbench.app',
  productName: 'SLO Workbench',
  copyright: 'SLO Workbench contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Production dependencies under node_modules are added by electron-builder itself; source maps stay out.
  files: ['dist/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // Native modules cannot load from inside the archive; only they are unpacked.
  asarUnpack: ['**/*.node', 'node_modules/better-sqlite3/**'],
  // Rebuilds better-sqlite3 against the packaged Electron's ABI.
  npmRebuild: true,
  afterPack: 'build/after-pack.cjs',
  icon: 'build/icon.png',
  fileAssociations: [
    {
      ext: 'slowb',
      name: 'SLO Workbench workspace',
      description: 'SLO Workbench workspace',
      role: 'Editor',
      mimeType: 'application/x-slo-workbench-workspace',
      icon: 'build/icon.png',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    executableName: 'slo-workbench',
    icon: 'build/icon.png',
    synopsis: 'Plan SLA, SLO and performance-target tiers',
  },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/icon.png' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

module.exports = config;
