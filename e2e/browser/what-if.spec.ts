import { expect, test, type Page } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addServiceWithSlo, importFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

const ACCESS_LOG = fileURLToPath(new URL('../../fixtures/histories/access.log', import.meta.url));

// A projector's resolution: the What-if screens are looked at from the back of a room.
test.use({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 } });

async function setTier(page: Page, tier: 'sla' | 'target', target: string): Promise<void> {
  const input = page.locator(`[data-testid$="-${tier}-target"]`).first();
  await input.fill(target);
  await input.press('Enter');
}

async function addPreset(page: Page, preset: string, name: string): Promise<void> {
  await page.getByTestId('scenario-preset').selectOption(preset);
  await page.getByTestId('scenario-add').click();
  await expect(page.getByRole('button', { name: new RegExp(name), pressed: true })).toBeVisible();
}

test('a team adds a preset scenario to an SLI with three tiers, runs it, compares two scenarios, reads the sensitivity and replays its history with an injected deploy', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dirs = freshDirs();
  copyFileSync(ACCESS_LOG, join(dirs.folder, 'access.log'));
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'what-if');
    await addServiceWithSlo(page, 'checkout', 'availability', '99.9');
    await setTier(page, 'sla', '99.5');
    await setTier(page, 'target', '99.95');
    await expect(page.locator('[data-testid$="-target-target"]').first()).toHaveValue('99.95');

    // Imported history, for the replay and the "from history" fields.
    await page.getByTestId('tab-history').click();
    await importFile(page, 'access.log');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
    await page.getByTestId('import-close').first().click();

    await page.getByTestId('tab-whatif').click();
    await expect(page.getByTestId('scenario-list')).toContainText('No scenario yet');
    await addPreset(page, 'web-service', 'Typical web service');
    await expect(page.getByTestId('wf-deploys.perWeek')).toHaveValue('10');
    await expect(page.getByTestId('wf-baseline.errorRate-history')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '60-whatif-editor.png') });

    // An out-of-range field is refused in the schema's words and Run waits until it is fixed.
    await page.getByTestId('wf-deploys.canaryShare').fill('0');
    await expect(page.getByTestId('wf-error-deploys.canaryShare')).toHaveText('deploys.canaryShare must be above 0');
    await expect(page.getByTestId('run-start')).toBeDisabled();
    await page.getByTestId('wf-deploys.canaryShare').fill('0.1');
    await expect(page.getByTestId('run-start')).toBeEnabled();

    await page.getByTestId('run-seed').fill('7');
    await page.getByTestId('run-start').click();
    await expect(page.getByTestId('breach-table')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('breach-table')).toContainText('over 10,000 simulated windows (seed 7)');
    for (const tier of ['sla', 'slo', 'target']) await expect(page.getByTestId(`breach-${tier}-windows`)).toHaveText(/^in (none|\d|every|fewer|nearly)/);
    await expect(page.getByTestId('whatif-summary')).toContainText('With “Typical web service”');
    await expect(page.getByTestId('fan-chart').locator('path.fan-median')).toHaveCount(3);
    // The form holds what is stored: the results are of the scenario as shown.
    await expect(page.getByTestId('whatif-stale')).toHaveCount(0);
    await expect(page.getByTestId('scenario-list')).toContainText(/SLO breached in/);
    await page.screenshot({ path: join(ARTIFACTS, '61-whatif-results.png') });
    await page.getByTestId('breach-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '62-whatif-breach-table.png') });
    await page.getByTestId('policy-timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '63-whatif-policy.png') });
    await page.evaluate(() => window.scrollTo(0, 0));

    // A long run shows its progress and can be cancelled; the stored results stay those of the last finished run.
    await page.getByTestId('run-trials').fill('1000000');
    await page.getByTestId('run-start').click();
    await expect(page.getByTestId('run-progress')).toBeVisible();
    // Progress comes from the worker over the event stream (a million trials take several seconds).
    await expect(page.getByText(/^[\d,]+ of 1,000,000 trials$/)).toBeVisible({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, '68-whatif-progress.png') });
    await page.getByTestId('run-cancel').click();
    await expect(page.getByTestId('run-progress')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('whatif-error')).toHaveCount(0);
    await expect(page.getByTestId('breach-table')).toContainText('over 10,000 simulated windows (seed 7)');
    await page.getByTestId('run-trials').fill('10000');

    // A second scenario, run with the same seed, beside the first; its baseline comes from the imported history.

    await addPreset(page, 'batch-system', 'Nightly batch system');
    await page.getByTestId('wf-baseline.errorRate-history').check();
    await page.getByTestId('run-seed').fill('7');
    await page.getByTestId('run-start').click();
    await expect(page.getByTestId('breach-table')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('resolved-values')).toContainText('baseline.errorRate');
    await expect(page.getByTestId('whatif-stale')).toHaveCount(0);
    await page.getByTestId('whatif-pane-compare').click();
    for (const box of await page.locator('[data-testid^="compare-pick-"]').all()) await box.check();
    await expect(page.getByTestId('compare-column')).toHaveText(['Typical web service', 'Nightly batch system']);
    await expect(page.getByTestId('compare-breach-slo').getByRole('cell')).toHaveCount(2);
    await page.screenshot({ path: join(ARTIFACTS, '64-whatif-compare.png') });

    await page.getByTestId('whatif-pane-sensitivity').click();
    await page.getByTestId('sensitivity-scenario').selectOption({ label: 'Typical web service' });
    await page.getByTestId('sensitivity-trials').fill('1000');
    await page.getByTestId('sensitivity-start').click();
    await expect(page.getByTestId('tornado-chart')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('tornado-chart').locator('.tornado-row').first()).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '65-whatif-sensitivity.png') });

    await page.getByTestId('whatif-pane-replay').click();
    await expect(page.getByTestId('injection-0-name')).toHaveValue('weekly deploy');
    await page.getByTestId('injection-0-durationMinutes').fill('45');
    await page.getByTestId('injection-0-errorRate').fill('0.3');
    await page.getByTestId('replay-start').click();
    await expect(page.getByTestId('replay-results')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('replay-slo-plain-spent')).toBeVisible();
    await expect(page.getByTestId('replay-slo-modified-spent')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '66-whatif-replay.png') });
    await page.getByTestId('replay-policy').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '67-whatif-replay-charts.png') });

    // Deleting a scenario is an edit the toolbar can undo.
    await page.getByTestId('whatif-pane-scenario').click();
    await page.getByTestId('scenario-delete').click();
    await expect(page.getByTestId('scenario-item')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('scenario-item')).toHaveCount(2);
  } finally {
    await server.stop();
  }
});
