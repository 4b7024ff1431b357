#!/usr/bin/env node
// The CLI and browser-mode entry: loads the TypeScript sources through tsx, so `npx slo-workbench` works after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/hosts/cli/main.ts');
