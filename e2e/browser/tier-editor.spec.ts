import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

async function setTier(page: Page, sliId: string, tier: string, target: string, threshold?: string) {
  const row = page.getByTestId(`tier-${sliId}-${tier}`);
  if (threshold !== undefined) {
    await row.getByTestId(`tier-${sliId}-${tier}-threshold`).fill(threshold);
  }
  await row.getByTestId(`tier-${sliId}-${tier}-target`).fill(target);
  await row.getByTestId(`tier-${sliId}-${tier}-target`).press('Enter');
}

async function sliIdOf(page: Page, name: string): Promise<string> {
  const ladderRow = page.getByTestId(`sli-${name}`).locator('tr.tier-row').first();
  const testId = await ladderRow.getAttribute('data-testid');
  return /^tier-(\d+)-/.exec(testId ?? '')![1]!;
}

test('a workshop builds a service, an SLI and its three tiers, sees the ordering warning, undoes it and finds everything after reopening', async ({ page }) => {
  const dirs = freshDirs();
  let server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Agree how reliable each service must be' })).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '01-welcome.png') });

    await page.getByRole('button', { name: 'New workspace…' }).click();
    await expect(page.getByTestId('file-dialog')).toBeVisible();
    await page.getByTestId('file-name').fill('workshop');
    await page.screenshot({ path: join(ARTIFACTS, '02-new-workspace-dialog.png') });
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByTestId('workspace-title')).toContainText('workshop.slowb');

    await page.getByTestId('new-service-name').fill('checkout');
    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('service-list')).toContainText('checkout');

    await page.getByTestId('new-sli-name').fill('checkout latency');
    await page.getByTestId('new-sli-kind').selectOption('latency');
    await page.getByTestId('new-sli-threshold').fill('200');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    await expect(page.getByTestId('sli-checkout latency')).toBeVisible();
    const id = await sliIdOf(page, 'checkout latency');

    // The agreement from the issue: 90 % under 150 ms (SLA), 99 % under 200 ms (SLO), 99.5 % under 200 ms (target).
    await setTier(page, id, 'sla', '90', '150');
    await setTier(page, id, 'slo', '99');
    await setTier(page, id, 'target', '99.5');
    await expect(page.getByTestId(`tier-${id}-sla-budget`)).toHaveText('3 d');
    await expect(page.getByTestId(`tier-${id}-slo-budget`)).toHaveText('7.2 h');
    await expect(page.getByTestId(`tier-${id}-target-budget`)).toHaveText('3.6 h');
    const ladder = page.getByTestId(`ladder-${id}`);
    await expect(ladder).toContainText('SLA 90 %');
    await expect(ladder).toContainText('buffer 9 pp · 2.7 d');
    await expect(ladder).toContainText('buffer 0.5 pp · 3.6 h');
    await expect(page.getByTestId('warnings-checkout latency')).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, '03-three-tiers-ladder.png'), fullPage: true });

    // An SLO looser than its SLA is flagged at once, naming the rule.
    await setTier(page, id, 'slo', '85');
    const warnings = page.getByTestId('warnings-checkout latency');
    await expect(warnings).toContainText('slo-looser-than-sla');
    await expect(warnings).toContainText('The SLO (85 %) is looser than the SLA (90 %)');
    await expect(ladder).toContainText('inverted by 5 pp');
    await page.screenshot({ path: join(ARTIFACTS, '04-ordering-warning.png'), fullPage: true });

    // Undo with the keyboard (outside a text field), then redo, then undo again.
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId(`tier-${id}-slo-target`)).toHaveValue('99');
    await expect(warnings).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId(`tier-${id}-slo-target`)).toHaveValue('85');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId(`tier-${id}-slo-target`)).toHaveValue('99');

    // Close the app and start it again: the recent list reopens the workspace with everything in it.
    await server.stop();
    server = await startServer(dirs);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'workshop.slowb' }).click();
    await expect(page.getByTestId('service-list')).toContainText('checkout');
    await expect(page.getByTestId(`tier-${id}-sla-target`)).toHaveValue('90');
    await expect(page.getByTestId(`tier-${id}-sla-threshold`)).toHaveValue('150');
    await expect(page.getByTestId(`tier-${id}-slo-target`)).toHaveValue('99');
    await expect(page.getByTestId(`tier-${id}-target-target`)).toHaveValue('99.5');
    await expect(page.getByTestId(`tier-${id}-slo-budget`)).toHaveText('7.2 h');
    await page.screenshot({ path: join(ARTIFACTS, '05-reopened.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});

test('bad input is refused beside its field without losing the rest of the form', async ({ page }) => {
  const dirs = freshDirs();
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'bad-input');

    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('new-service-name-error')).toHaveText('Service name must not be empty');
    await page.getByTestId('new-service-name').fill('search');
    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('service-list')).toContainText('search');
    await expect(page.getByTestId('new-service-name')).toHaveValue('');
    await page.getByTestId('new-service-name').fill('SEARCH');
    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('new-service-name-error')).toHaveText('A service named "SEARCH" already exists');
    await expect(page.getByTestId('new-service-name')).toHaveValue('SEARCH');

    await page.getByTestId('new-sli-name').fill('availability');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    const id = await sliIdOf(page, 'availability');
    await setTier(page, id, 'sla', '99.5');
    const slo = `tier-${id}-slo`;

    await page.getByTestId(`${slo}-days`).fill('0');
    await page.getByTestId(`${slo}-target`).fill('abc');
    await page.getByTestId(`${slo}-target`).press('Enter');
    await expect(page.getByTestId(`${slo}-target-error`)).toHaveText('Target must be a number such as 99.9, not "abc"');
    await expect(page.getByTestId(`${slo}-days-error`)).toHaveText('Window must be at least 1 day');
    await page.screenshot({ path: join(ARTIFACTS, '06-field-errors.png'), fullPage: true });

    await page.getByTestId(`${slo}-target`).fill('100');
    await page.getByTestId(`${slo}-target`).press('Enter');
    await expect(page.getByTestId(`${slo}-target-error`)).toHaveText('Target must be below 100 % (100 % leaves no error budget)');
    await page.getByTestId(`${slo}-target`).fill('0');
    await page.getByTestId(`${slo}-target`).press('Enter');
    await expect(page.getByTestId(`${slo}-target-error`)).toHaveText('Target must be at least 50 % (a looser target is not an objective)');
    // Nothing was saved, and the typed values are still there to correct.
    await expect(page.getByTestId(`${slo}-days`)).toHaveValue('0');
    await expect(page.getByTestId(`${slo}-budget`)).toHaveText('—');
    await expect(page.getByTestId(`tier-${id}-sla-target`)).toHaveValue('99.5');

    await page.getByTestId(`${slo}-days`).fill('28');
    await page.getByTestId(`${slo}-target`).fill('99.9');
    await page.getByTestId(`${slo}-target`).press('Enter');
    await expect(page.getByTestId(`${slo}-budget`)).toHaveText('40.3 min');
    await expect(page.getByTestId(`${slo}-target-error`)).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('a file that is not a workspace gets a clear error and is left untouched', async ({ page }) => {
  const dirs = freshDirs();
  const { writeFileSync, readFileSync } = await import('node:fs');
  const junk = join(dirs.folder, 'notes.slowb');
  writeFileSync(junk, 'these are meeting notes, not a database');
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open workspace…' }).click();
    await page.getByTestId('file-dialog').getByRole('button', { name: 'notes.slowb' }).click();
    await expect(page.getByTestId('file-dialog-error')).toHaveText('notes.slowb is not an SLO Workbench workspace (it is not a SQLite database)');
    await page.screenshot({ path: join(ARTIFACTS, '07-not-a-workspace.png') });
    expect(readFileSync(junk, 'utf8')).toBe('these are meeting notes, not a database');
  } finally {
    await server.stop();
  }
});
