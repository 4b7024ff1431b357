// The Electron main-process entry, bundled by scripts/build-electron.mjs to dist/electron/main/index.cjs.
import { app } from 'electron';
import { startApp } from './app';

startApp().catch((error: unknown) => {
  console.error(`SLO Workbench failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  app.exit(1);
});
