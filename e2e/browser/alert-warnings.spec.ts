import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

async function fillCell(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).fill(text);
  await page.getByTestId(testId).press('Enter');
}

test('the tier editor warns that a 90-day page can never fire, and gives a 1-day SLO the workbook windows scaled to a day', async ({ page }) => {
  const server = await startServer(freshDirs());
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(server.url);
    await createWorkspace(page, 'alert-warnings');
    await page.getByTestId('new-service-name').fill('checkout');
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByTestId('new-sli-name').fill('availability');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    const row = page.getByTestId('sli-availability').locator('tr.tier-row').first();
    await expect(row).toBeVisible();
    const id = /^tier-(\d+)-/.exec((await row.getAttribute('data-testid')) ?? '')![1]!;
    const alerts = `alerts-${id}`;

    // 97.5 % over 90 days: the quick page waits for 108 % of requests to fail.
    await fillCell(page, `tier-${id}-slo-target`, '97.5');
    await fillCell(page, `tier-${id}-slo-days`, '90');
    await expect(page.getByTestId(`${alerts}-page-quick-rate`)).toHaveText('108 %');
    const warning = page.getByTestId(`${alerts}-page-quick-warning`);
    await expect(warning).toHaveText(
      'Page · quick: Can never fire: it waits for more than 108 % of requests to fail. Lower its burn rate (×43.2) below ×40 ' +
        '(guard a smaller share of the budget, or use longer windows), or choose a shorter SLO window.',
    );
    await expect(page.getByTestId(`${alerts}-page-slow-warning`)).toHaveCount(0);
    await expect(page.getByTestId(alerts).getByRole('columnheader', { name: 'Burn rate above' })).toBeVisible();
    await page.getByTestId(alerts).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'alert-warning-90d.png') });

    // A 1-day SLO is no longer refused: the 30-day windows shrink to a day, the factors stay, nothing warns.
    await fillCell(page, `tier-${id}-slo-target`, '99.9');
    await fillCell(page, `tier-${id}-slo-days`, '1');
    await expect(page.getByTestId(alerts)).toContainText('windows from “SRE workbook, 30 days, windows scaled to 1d”');
    await expect(page.getByTestId(`${alerts}-page-quick`)).toContainText('2m');
    for (const [key, factor] of [
      ['page-quick', '×14.4'],
      ['page-slow', '×6'],
      ['ticket-quick', '×3'],
      ['ticket-slow', '×1'],
    ] as const) {
      await expect(page.getByTestId(`${alerts}-${key}-factor`)).toHaveText(factor);
      await expect(page.getByTestId(`${alerts}-${key}-warning`)).toHaveCount(0);
    }
    await expect(page.getByTestId(`${alerts}-message`)).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, 'alert-windows-scaled-1d.png') });
  } finally {
    await server.stop();
  }
});
