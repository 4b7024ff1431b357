import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { budgetMinutes, formatMinutes } from '#shared/budget/budget';
import { periodContaining } from '#shared/budget/calendar';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

async function setTier(page: Page, id: string, tier: string, target: string) {
  await page.getByTestId(`tier-${id}-${tier}-target`).fill(target);
  await page.getByTestId(`tier-${id}-${tier}-target`).press('Enter');
}

async function addServiceWithSli(page: Page, service: string, sli: string): Promise<string> {
  await page.getByTestId('new-service-name').fill(service);
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.getByTestId('new-sli-name').fill(sli);
  await page.getByRole('button', { name: 'Add SLI' }).click();
  const row = page.getByTestId(`sli-${sli}`).locator('tr.tier-row').first();
  await expect(row).toBeVisible();
  return /^tier-(\d+)-/.exec((await row.getAttribute('data-testid')) ?? '')![1]!;
}

test('the calculator shows the published downtime row, bad requests at a traffic, real calendar months and the alerts', async ({ page }) => {
  const server = await startServer(freshDirs());
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'calculator');
    await page.getByTestId('tab-calculator').click();
    await page.getByTestId('calc-nines-99.9').click();
    await expect(page.getByTestId('calc-nines-99.9')).toHaveAttribute('aria-pressed', 'true');
    const row = ['1d', '7d', '28d', '30d', '90d', '365d'].map((k) => page.getByTestId(`calc-downtime-${k}`));
    const published = ['1.4 min', '10.1 min', '40.3 min', '43.2 min', '2.16 h', '8.76 h'];
    for (const [i, cell] of row.entries()) await expect(cell).toHaveText(published[i]!);

    // At a million requests a day, 30 days hold 30,000,000 requests, of which 0.1 % may fail.
    await page.getByTestId('calc-traffic').fill('1,000,000');
    await expect(page.getByTestId('calc-events-1d')).toHaveText('1,000');
    await expect(page.getByTestId('calc-events-30d')).toHaveText('30,000');
    await expect(page.getByTestId('calc-events-365d')).toHaveText('365,000');

    // February and March 2027 in Berlin: 28 days, and 31 days less the hour DST skips.
    await page.getByTestId('calc-unit').selectOption('month');
    await page.getByTestId('calc-zone').fill('Europe/Berlin');
    await page.getByTestId('calc-period').fill('2027-02');
    const answer = page.getByTestId('calc-calendar-answer');
    await expect(answer).toContainText('February 2027 in Europe/Berlin lasts 28 d (40,320 min)');
    await expect(answer).toContainText('40.32 min');
    await expect(answer).toContainText('28,000 bad requests');
    await page.getByTestId('calc-period').fill('2027-03');
    await expect(answer).toContainText('March 2027 in Europe/Berlin lasts 30 d 23 h (44,580 min)');
    await expect(answer).toContainText('44.58 min');
    await page.getByTestId('calc-zone').fill('Europe/Atlantis');
    await expect(page.getByTestId('calc-zone-error')).toHaveText('Unknown time zone "Europe/Atlantis": use an IANA name such as Europe/Berlin or UTC');
    await page.getByTestId('calc-zone').fill('Europe/Berlin');

    await expect(page.getByTestId('calc-alerts-page-quick-factor')).toHaveText('×14.4');
    await expect(page.getByTestId('calc-alerts-page-quick-rate')).toHaveText('1.44 %');
    await expect(page.getByTestId('calc-alerts-page-quick-exhaust')).toHaveText('2.08 d');
    await page.screenshot({ path: join(ARTIFACTS, '10-calculator.png'), fullPage: true });

    // Keyboard only: a nines button answers Enter, and a bad target is explained beside the field.
    await page.getByTestId('calc-nines-99.99').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('calc-target')).toHaveValue('99.99');
    await expect(page.getByTestId('calc-downtime-30d')).toHaveText('4.3 min');
    await page.getByTestId('calc-target').fill('100');
    await expect(page.getByTestId('calc-target-error')).toHaveText('Target must be below 100 % (100 % leaves no error budget)');
    await expect(page.getByTestId('calc-downtime')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('an SLO shows its alerts, the policy refuses bad thresholds, traffic adds bad events and a Berlin month has its real budget', async ({ page }) => {
  const server = await startServer(freshDirs());
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'budgets');
    const id = await addServiceWithSli(page, 'checkout', 'availability');
    await setTier(page, id, 'sla', '99');
    await setTier(page, id, 'slo', '99.9');
    await expect(page.getByTestId(`tier-${id}-slo-budget`)).toHaveText('43.2 min');
    await expect(page.getByTestId(`tier-${id}-slo-budget-percent`)).toHaveText('0.1 %');

    const alerts = `alerts-${id}`;
    await expect(page.getByTestId(`${alerts}-page-quick-factor`)).toHaveText('×14.4');
    await expect(page.getByTestId(`${alerts}-page-quick-rate`)).toHaveText('1.44 %');
    await expect(page.getByTestId(`${alerts}-page-quick-exhaust`)).toHaveText('2.08 d');
    await expect(page.getByTestId(`${alerts}-ticket-slow-factor`)).toHaveText('×1');

    // A bad threshold is explained beside its field and nothing is saved (undo has nothing new to undo).
    const undoTitle = await page.getByTestId('undo').getAttribute('title');
    await page.getByTestId('policy-criticalBelowPercent').fill('60');
    await page.getByTestId('policy-save').click();
    await expect(page.getByTestId('policy-criticalBelowPercent-error')).toHaveText(
      'The critical threshold must be above 0 % and below the warning threshold (50 %)',
    );
    await page.getByTestId('policy-criticalBelowPercent').fill('a quarter');
    await page.getByTestId('policy-save').click();
    await expect(page.getByTestId('policy-criticalBelowPercent-error')).toHaveText('The critical threshold must be a number, not "a quarter"');
    expect(await page.getByTestId('undo').getAttribute('title')).toBe(undoTitle);
    await page.reload();
    await expect(page.getByTestId('policy-criticalBelowPercent')).toHaveValue('25');
    await expect(page.getByTestId('policy-panel')).toContainText('default policy');

    // A good threshold is saved, shown in the ladder's legend, and undone by the core's undo.
    await page.getByTestId('policy-warningBurnRate').fill('3');
    await page.getByTestId('policy-save').click();
    await expect(page.getByTestId(`policy-legend-${id}`)).toContainText('burning over 3×');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId(`policy-legend-${id}`)).toContainText('burning over 2×');
    await expect(page.getByTestId('policy-warningBurnRate')).toHaveValue('2');

    // Traffic turns budgets and buffers into bad events, in the table and on the ladder.
    await page.getByTestId('traffic').fill('-5');
    await page.getByTestId('traffic').press('Enter');
    await expect(page.getByTestId('traffic-error')).toHaveText('Traffic must not be negative');
    await page.getByTestId('traffic').fill('1000000');
    await page.getByTestId('traffic').press('Enter');
    await expect(page.getByTestId(`tier-${id}-slo-bad-events`)).toHaveText('30,000 bad events');
    await expect(page.getByTestId(`tier-${id}-sla-bad-events`)).toHaveText('300,000 bad events');
    const ladder = page.getByTestId(`ladder-${id}`);
    await expect(ladder).toContainText('30,000 bad events');
    await expect(ladder).toContainText('270,000 bad events');
    await expect(page.getByTestId('traffic')).toHaveValue('1,000,000');

    // A calendar month in Berlin shows the budget of the month we are in, named.
    await page.getByTestId(`tier-${id}-slo-window`).selectOption('month');
    await page.getByTestId(`tier-${id}-slo-zone`).fill('Europe/Berlin');
    await page.getByTestId(`tier-${id}-slo-zone`).press('Enter');
    const month = periodContaining('month', 'Europe/Berlin', Date.now());
    await expect(page.getByTestId(`tier-${id}-slo-budget`)).toHaveText(`${formatMinutes(budgetMinutes(999_000, month.minutes))} (${month.label})`);
    await expect(page.getByTestId(`${alerts}-page-quick-factor`)).toBeVisible();
    await page.getByTestId(`tier-${id}-slo-zone`).fill('Berlin');
    await page.getByTestId(`tier-${id}-slo-zone`).press('Enter');
    await expect(page.getByTestId(`tier-${id}-slo-zone-error`)).toHaveText('Unknown time zone "Berlin": use an IANA name such as Europe/Berlin or UTC');
    await page.getByTestId(`tier-${id}-slo-zone`).fill('Europe/Berlin');
    await page.getByTestId(`tier-${id}-slo-zone`).press('Enter');
    await page.screenshot({ path: join(ARTIFACTS, '11-alerts-and-policy.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});

test("a team's own alert set is checked before saving, replaces the built-in one for its period and can be deleted", async ({ page }) => {
  const server = await startServer(freshDirs());
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'alert-sets');
    const id = await addServiceWithSli(page, 'search', 'availability');
    await setTier(page, id, 'slo', '99.9');
    await page.getByTestId(`tier-${id}-slo-method`).selectOption('timeslices');
    await page.getByTestId(`tier-${id}-slo-slice`).fill('5');
    await page.getByTestId(`tier-${id}-slo-slice`).press('Enter');
    await expect(page.getByTestId(`tier-${id}-slo-bad-events`)).toHaveText('8 bad slices of 8,640');

    // Alert sets belong to the whole workspace, so they are edited beside the calculator's alerts.
    await page.getByTestId('tab-calculator').click();
    await page.getByTestId('alert-sets-panel').locator('summary').click();
    await page.getByTestId('alert-set-name').fill('cautious');
    await page.getByTestId('alert-set-page-quick-short').fill('2h');
    await page.getByTestId('alert-set-save').click();
    await expect(page.getByTestId('alert-set-error')).toHaveText('The page quick short window (2h) must be shorter than its long window (1h)');
    await page.getByTestId('alert-set-page-quick-short').fill('5m');
    await page.getByTestId('alert-set-page-quick-budgetPercent').fill('1');
    await page.screenshot({ path: join(ARTIFACTS, '12-alert-set-editor.png'), fullPage: true });
    await page.getByTestId('alert-set-save').click();
    await expect(page.getByTestId('alert-set-cautious')).toBeVisible();
    await expect(page.getByTestId('calc-alerts-page-quick-factor')).toHaveText('×7.2');
    await page.getByTestId('tab-services').click();
    await expect(page.getByTestId(`alerts-${id}-page-quick-factor`)).toHaveText('×7.2');
    await page.getByTestId('tab-calculator').click();
    await page.getByTestId('alert-sets-panel').locator('summary').click();
    await page.getByRole('button', { name: 'Delete alert set cautious' }).click();
    await expect(page.getByTestId('alert-set-cautious')).toHaveCount(0);
    await page.getByTestId('tab-services').click();
    await expect(page.getByTestId(`alerts-${id}-page-quick-factor`)).toHaveText('×14.4');
  } finally {
    await server.stop();
  }
});
