import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

const BIN = resolve(fileURLToPath(new URL('../../bin/slo-workbench.js', import.meta.url)));
const START = Date.UTC(2026, 0, 1);

/** Three days of minute latencies in ms: each day 1260 minutes at or under 150 ms, 173 more at or under 200 ms, 7 slower. */
function writeLatencies(folder: string): void {
  const lines = ['time,latency_ms'];
  for (let i = 0; i < 3 * 1440; i++) {
    const m = i % 1440;
    const ms = m < 1230 ? 80 + (m % 50) : m < 1260 ? 150 : m < 1413 ? 151 + (m % 40) : m < 1433 ? 200 : 250 + (m % 100);
    lines.push(`${new Date(START + (i + 1) * 60_000).toISOString()},${ms}`);
  }
  writeFileSync(join(folder, 'latency.csv'), `${lines.join('\n')}\n`);
}

test("a latency CSV imported through the wizard asks for the values' unit and judges the SLA at 150 ms and the SLO at 200 ms", async ({ page }) => {
  test.setTimeout(120_000);
  const dirs = freshDirs();
  writeLatencies(dirs.folder);
  let server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'latency');
    await server.stop();
    // The SLI and its two tiers, each with its own threshold, set with the CLI on the same file.
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [BIN, ...args, '--workspace', 'latency.slowb'], {
        cwd: dirs.folder,
        env: { ...process.env, SLO_WORKBENCH_HOME: join(dirs.home, 'cli') },
      });
    cli('service', 'add', 'api');
    cli('sli', 'add', '--service', 'api', '--kind', 'latency', '--threshold-ms', '200', 'latency');
    cli('objective', 'set', '--service', 'api', '--sli', 'latency', '--tier', 'sla', '--target', '90', '--window', '1d', '--threshold-ms', '150');
    cli('objective', 'set', '--service', 'api', '--sli', 'latency', '--tier', 'slo', '--target', '99', '--window', '1d', '--threshold-ms', '200');

    server = await startServer(dirs);
    await page.setViewportSize({ width: 1500, height: 1000 });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'latency.slowb' }).click();
    await page.getByTestId('tab-history').click();
    await pickFile(page, 'latency.csv');
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-role-0').selectOption('time');
    await wizard.getByTestId('import-role-1').selectOption('value');
    // No unitless threshold for a latency SLI: the unit of the values, and each tier keeps its own threshold.
    await expect(wizard.getByTestId('import-threshold')).toHaveCount(0);
    await expect(wizard.getByTestId('import-mapping')).toContainText('Choose the unit the values are written in');
    await wizard.getByTestId('import-value-unit').selectOption('ms');
    await expect(wizard.getByTestId('import-mapping')).toHaveText(
      'Each row is one latency from “latency_ms”, in milliseconds, timed by “time”; each tier is judged at its own threshold.',
    );
    await page.screenshot({ path: join(ARTIFACTS, '40-import-latency-unit.png') });
    await wizard.getByTestId('import-start').click();
    await expect(wizard.getByTestId('import-result')).toContainText('4,320', { timeout: 60_000 });
    await wizard.getByTestId('import-close').first().click();

    await page.getByTestId('history-window').selectOption('1');
    const fit = page.getByTestId('fit-panel');
    await expect(fit.getByTestId('fit-latency')).toHaveText('Latency judged at each tier’s own threshold: SLA ≤ 150 ms, SLO ≤ 200 ms.');
    // 87.5 % of each day's minutes are at or under 150 ms, 99.51 % at or under 200 ms.
    await expect(fit.getByTestId('fit-sla-all')).toHaveText('0 % (0 of 2,881)');
    await expect(fit.getByTestId('fit-slo-all')).toHaveText('100 % (2,881 of 2,881)');
    // The chart's line is the SLO's; the SLA's 90 % is not drawn against a line judged at 200 ms.
    await expect(page.getByTestId('chart-latency')).toHaveText(
      'The line is judged at ≤ 200 ms, the SLO’s threshold; the SLA (≤ 150 ms) is not drawn against it: see how the tiers would have fared.',
    );
    await page.screenshot({ path: join(ARTIFACTS, '41-history-latency-tiers.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});
