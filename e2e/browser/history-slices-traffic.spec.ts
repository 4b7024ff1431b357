import { expect, test } from '@playwright/test';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addServiceWithSlo, importFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

const UPPTIME = fileURLToPath(new URL('../../fixtures/histories/upptime-events.csv', import.meta.url));

test.use({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 } });

/**
 * 14 days of minutes stamped from 2026-01-01 00:00 UTC (as an export stamping each minute at its start writes them),
 * 100 requests each, with a 20-minute incident at half errors on 6 January from 12:00.
 */
function writeMidnightHistory(folder: string): void {
  const lines = ['timestamp,ok_requests,all_requests'];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 0, 15); t += 60_000) {
    const incident = t >= Date.UTC(2026, 0, 6, 12) && t < Date.UTC(2026, 0, 6, 12, 20);
    lines.push(`${new Date(t).toISOString()},${incident ? 50 : 100},100`);
  }
  writeFileSync(join(folder, 'midnight.csv'), lines.join('\n'));
}

test('a Timeslices SLO is judged in its slices on the History screen, windows are named by their dates, and traffic comes only from request counts', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dirs = freshDirs();
  writeMidnightHistory(dirs.folder);
  copyFileSync(UPPTIME, join(dirs.folder, 'upptime-events.csv'));
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'slices');
    await addServiceWithSlo(page, 'web', 'availability', '99.5');
    // The tier editor sets the slice: 5-minute slices, good at 99 %.
    const slo = page.locator('[data-testid$="-slo-method"]');
    await slo.selectOption('timeslices');
    await page.locator('[data-testid$="-slo-slice"]').fill('5');
    await page.locator('[data-testid$="-slo-slice"]').press('Enter');
    await page.locator('[data-testid$="-slo-slice-target"]').fill('99');
    await page.locator('[data-testid$="-slo-slice-target"]').press('Enter');
    // The default 30-day window holds 8,640 five-minute slices; 0.5 % of them may be bad.
    await expect(page.locator('[data-testid$="-slo-bad-events"]')).toHaveText('43 bad slices of 8,640');
    await page.screenshot({ path: join(ARTIFACTS, '40-tier-editor-slices.png') });

    await page.getByTestId('tab-history').click();
    await importFile(page, 'midnight.csv');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
    await page.getByTestId('import-close').first().click();
    await page.getByTestId('history-window').selectOption('7');
    await expect(page.getByTestId('fit-counting')).toContainText('counted in 5-minute slices good at 99 % as the SLO counts');
    await expect(page.getByTestId('recommendation')).toContainText('counted in 5-minute slices good at 99 %');
    await expect(page.getByTestId('traffic-hint')).toContainText('≈ 144,000 requests per day, from the CSV import midnight.csv');
    await expect(page.getByTestId('apply-traffic')).toBeVisible();
    // One 30-day budget window, partial: named from the day of the first sample, not the minute before it.
    await expect(page.getByTestId('budget-window')).toHaveText([/^2026-01-01 – 2026-01-30 \(partial\)/]);
    await page.getByTestId('fit-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '41-history-slices.png') });
    // The backtest counts the incident in slices too: 4 bad slices of the 43 one 30-day period allows.
    await expect(page.getByTestId('backtest-slo-counting')).toHaveText(
      'Events counted in 5-minute slices good at 99 %, as the SLO counts: ' + 'an event is a run of bad slices, its share of the bad slices one period allows.',
    );
    await expect(page.getByTestId('backtest-slo').locator('tbody tr')).toHaveText([/^2026-01-06 11:59 → 2026-01-06 12:19\s*9\.3 %/]);
    await page.getByTestId('backtest-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '43-backtest-slices.png') });

    await importFile(page, 'upptime-events.csv');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
    await page.getByTestId('import-close').first().click();
    await expect(page.getByTestId('traffic-hint')).toHaveText(
      'No traffic from the Upptime import upptime-events.csv: an Upptime history counts the minutes ' +
        "a site was up or down, not requests. Type the service's requests per day for bad-event budgets.",
    );
    await expect(page.getByTestId('apply-traffic')).toHaveCount(0);
    await page.getByTestId('fit-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '42-history-upptime-traffic.png') });
  } finally {
    await server.stop();
  }
});
