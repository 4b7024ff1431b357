import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Unit tests never load the real Electron (its binary cannot be downloaded here, R38).
    alias: { electron: fileURLToPath(new URL('./electron/test/electron-double.ts', import.meta.url)) },
  },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'build/**/*.test.ts',
      'conformance/**/*.test.ts',
    ],
    // The conformance suite reads corpora outside the repository; where one is missing, one line at the end says so.
    reporters: ['default', './conformance/skip-reporter.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
