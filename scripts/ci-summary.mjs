// Sums the closing lines of vitest and Playwright in a CI log into one "N passed, N failed" line.
import { readFileSync } from 'node:fs';

const [logFile, status = '0'] = process.argv.slice(2);
// eslint-disable-next-line no-control-regex
const text = readFileSync(logFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
let runners = 0;

// vitest: "      Tests  2 failed | 40 passed | 1 skipped (43)"
for (const line of text.matchAll(/^\s*Tests\s+(.+)\(\d+\)\s*$/gm)) {
  runners++;
  for (const [, n, kind] of line[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind === 'passed') passed += Number(n);
    else if (kind === 'failed') failed += Number(n);
    else skipped += Number(n);
  }
}
// Playwright list reporter: "  12 passed (30.1s)", "  1 failed", "  2 skipped", "  1 flaky"
let inPlaywright = false;
for (const line of text.split('\n')) {
  if (/Running \d+ tests? using \d+ workers?/.test(line)) {
    inPlaywright = true;
    runners++;
    continue;
  }
  if (!inPlaywright) continue;
  const m = /^\s{2}(\d+) (passed|failed|skipped|flaky|did not run)\b/.exec(line);
  if (!m) continue;
  if (m[2] === 'passed') passed += Number(m[1]);
  else if (m[2] === 'failed' || m[2] === 'flaky') failed += Number(m[1]);
  else skipped += Number(m[1]);
}
// A non-zero exit that no runner counted (typecheck, lint, build) is one failure.
if (status !== '0' && failed === 0) failed = 1;
if (runners === 0 && status === '0') console.log('ci: no test runner reported');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
