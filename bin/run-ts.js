#!/usr/bin/env node
// Runs a TypeScript file of the project (benchmarks, scripts) through tsx.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.js FILE.ts [args…]');
  process.exit(2);
}
process.argv.splice(2, 1);
// The project's one computed import(): this runner exists to load the file named on its command line.
// eslint-disable-next-line no-restricted-syntax -- the module to run is the runner's argument, not a name in the code
await import(pathToFileURL(resolve(file)).href);
