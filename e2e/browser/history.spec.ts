import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addServiceWithSlo, importFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const OUTAGE = Date.UTC(2026, 0, 20, 10);

/**
 * 60 days of minute samples (100 requests a minute) with a 30-minute total outage on 20 January at 10:00 UTC and a
 * Sunday 02:00–03:00 UTC maintenance hour at half errors: a history whose answers the test can work out by hand.
 */
function writeHistory(folder: string): void {
  const lines = ['timestamp,ok_requests,all_requests'];
  for (let t = START + 60_000; t <= START + 60 * DAY; t += 60_000) {
    const d = new Date(t - 60_000);
    const outage = t > OUTAGE && t <= OUTAGE + 30 * 60_000;
    const maintenance = d.getUTCDay() === 0 && d.getUTCHours() === 2;
    lines.push(`${new Date(t).toISOString()},${outage ? 0 : maintenance ? 50 : 100},100`);
  }
  writeFileSync(join(folder, 'checkout-minutes.csv'), lines.join('\r\n'));
  // A malformed export: a number with a unit, a missing field and good above total.
  writeFileSync(
    join(folder, 'broken.csv'),
    'timestamp,ok_requests,all_requests\n2026-01-01T00:01:00Z,100,100\n2026-01-01T00:02:00Z,9O,100\n2026-01-01T00:03:00Z,100\n2026-01-01T00:04:00Z,120,100\n',
  );
}

test('a team imports a CSV export, reads the charts and the recommendation, excludes maintenance and reads the backtest', async ({ page }) => {
  test.setTimeout(180_000);
  const dirs = freshDirs();
  writeHistory(dirs.folder);
  const server = await startServer(dirs);
  try {
    await page.setViewportSize({ width: 1500, height: 1000 });
    await page.goto(server.url);
    await createWorkspace(page, 'history');
    await addServiceWithSlo(page, 'checkout', 'availability', '99.9');
    await page.getByTestId('tab-history').click();
    await expect(page.getByTestId('history-empty')).toBeVisible();

    // A malformed file shows line-numbered errors and stores nothing.
    await importFile(page, 'broken.csv');
    const issues = page.getByTestId('import-issues');
    await expect(issues).toContainText('3');
    await expect(issues).toContainText('4');
    await expect(page.getByTestId('import-result')).toContainText(/nothing/i);
    await page.screenshot({ path: join(ARTIFACTS, '20-import-malformed.png') });
    await page.getByTestId('import-close').first().click();
    await expect(page.getByTestId('history-empty')).toBeVisible();

    await importFile(page, 'checkout-minutes.csv', async () => {
      await page.screenshot({ path: join(ARTIFACTS, '21-import-preview.png') });
    });
    await expect(page.getByTestId('import-result')).toContainText('86,400', { timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, '22-import-stored.png') });
    await page.getByTestId('import-close').first().click();

    await expect(page.getByTestId('sli-chart')).toBeVisible();
    await expect(page.getByTestId('recommendation')).toContainText('%');
    await page.getByTestId('history-window').selectOption('7');
    await expect(page.getByTestId('fit-panel')).toContainText('7-day windows');
    await page.screenshot({ path: join(ARTIFACTS, '23-history.png'), fullPage: true });

    // The outage pages under the 99.9 % SLO.
    await expect(page.getByTestId('backtest-slo-summary')).toContainText(/[1-9]\d* pages?/);

    // Exclude the weekly maintenance hour: results now show with and without it.
    await page.getByTestId('exclusion-new').click();
    await page.getByTestId('exclusion-start').fill('2026-01-04T02:00');
    await page.getByTestId('exclusion-duration').fill('1h');
    await page.getByTestId('exclusion-zone').fill('UTC');
    await page.getByTestId('exclusion-reason').fill('Sunday patching');
    await page.getByTestId('exclusion-save').click();
    await expect(page.getByTestId('exclusion-item')).toHaveCount(1);
    await expect(page.getByTestId('fit-panel')).toContainText('Without exclusions');
    await expect(page.getByTestId('fit-panel')).toContainText('540 samples');
    // Every 7-day window holds a maintenance hour at half errors (3,000 bad of 1,008,000), so 99.9 % is never met
    // with all data; without the exclusions only windows holding the outage miss.
    await expect(page.getByTestId('fit-slo-all')).toHaveText(/^0 % \(0 of [\d,]+\)$/);
    const without = Number(/^([\d.]+) %/.exec((await page.getByTestId('fit-slo-excluding').textContent())!)![1]);
    expect(without).toBeGreaterThan(50);
    expect(without).toBeLessThan(100);
    await expect(page.getByTestId('exclusion-band').first()).toBeVisible();
    // The axis fits the tiers; the outage's 0 % minutes run off the bottom, and the chart says so.
    await expect(page.getByTestId('chart-clipped')).toContainText('the lowest is 0 %');

    // Take the recommended SLO: the tier table now holds it, and undo puts 99.9 % back.
    const recommended = (await page.getByTestId('recommendation').locator('strong').first().textContent())!;
    await page.getByTestId('apply-recommendation').click();
    await expect(page.getByTestId('fit-slo')).toContainText(recommended);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('fit-slo')).toContainText('99.9 %');

    // Choose the first budget window to see its burn-down.
    await page.getByTestId('budget-window').first().getByRole('button').click();
    await expect(page.getByTestId('burndown-chart')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '24-history-exclusions-burndown.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, '24b-history-top.png') });

    // Zoom in by dragging across the plot: fewer samples are in view, drawn at full resolution.
    const inView = page.getByTestId('chart-samples');
    await expect(inView).toHaveText('85,860');
    // The plot's own ground: the group around it also spans lines that run off the axis.
    const ground = page.getByTestId('chart-brush').locator('rect.brush-ground');
    await ground.scrollIntoViewIfNeeded();
    const box = (await ground.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.34, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.up();
    await expect(inView).not.toHaveText('85,860');
    const zoomed = Number((await inView.textContent())!.replace(/,/g, ''));
    expect(zoomed).toBeGreaterThan(1000);
    expect(zoomed).toBeLessThan(85_860 / 10);
    await page.screenshot({ path: join(ARTIFACTS, '25-history-zoomed.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});
