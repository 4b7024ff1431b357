// electron-builder afterPack hook: flips the Electron fuses of the packaged app before it is signed (R10).

/** Flips the fuses of the executable electron-builder just packed. */
async function afterPack(context) {
  const { flipFuses } = await import('@electron/fuses');
  const { electronExecutable, fuseConfig } = await import('./fuses.mjs');
  await flipFuses(electronExecutable(context), fuseConfig(context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
