import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

const BIN = resolve(fileURLToPath(new URL('../../bin/slo-workbench.js', import.meta.url)));

// A projector's resolution: the sign-off is read out in the workshop room.
test.use({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 } });

/** Records one stakeholder's decision through the sign-off form. */
async function signOff(page: Page, name: string, role: string, decision: 'Approve' | 'Object' | 'Abstain', rationale: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Record a sign-off of version 1' });
  const rows = page.getByTestId('signoff-row');
  const before = await rows.count();
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('combobox', { name: 'Role' }).selectOption(role);
  await form.getByRole('radio', { name: decision }).check();
  await form.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  await form.getByRole('button', { name: 'Record sign-off' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue('');
}

test('a facilitator proposes the chatbot as version 1, four stakeholders sign it off on the Review screen, and it is approved', async ({ page }) => {
  test.setTimeout(180_000);
  const dirs = freshDirs();
  let server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'chatbot');
    await server.stop();
    // The chatbot's latency tiers, daily rolling and by events, set with the CLI on the same file.
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [BIN, ...args, '--workspace', 'chatbot.slowb'], {
        cwd: dirs.folder,
        env: { ...process.env, SLO_WORKBENCH_HOME: join(dirs.home, 'cli') },
      });
    cli('service', 'add', 'chatbot');
    cli('sli', 'add', '--service', 'chatbot', '--kind', 'latency', '--threshold-ms', '200', 'latency');
    const tier = (name: string, target: string, thresholdMs: string) =>
      cli(
        'objective',
        'set',
        '--service',
        'chatbot',
        '--sli',
        'latency',
        '--tier',
        name,
        '--target',
        target,
        '--window',
        '1d',
        '--method',
        'occurrences',
        '--threshold-ms',
        thresholdMs,
      );
    tier('sla', '90', '150');
    tier('slo', '99', '200');
    tier('target', '99.5', '200');

    server = await startServer(dirs);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'chatbot.slowb' }).click();
    await page.getByTestId('tab-review').click();
    const versions = page.getByTestId('review-versions');
    await expect(versions.getByRole('heading', { name: 'Versions of chatbot' })).toBeVisible();
    await expect(page.getByTestId('review-version-draft')).toContainText('chatbot was never proposed');

    // Propose version 1: the confirmation says a proposed version cannot be changed.
    await page.getByRole('textbox', { name: 'Rationale for version 1' }).fill('Tiers agreed in the workshop');
    await page.getByRole('button', { name: 'Propose this draft as version 1' }).click();
    const confirm = page.getByRole('dialog', { name: 'Propose version 1 of chatbot' });
    await expect(confirm).toContainText('A proposed version cannot be changed');
    await confirm.getByRole('button', { name: 'Propose version 1' }).click();
    await expect(page.getByTestId('review-version-1-state')).toHaveText('proposed');
    await expect(page.getByTestId('review-version-1')).toContainText('Tiers agreed in the workshop');
    await expect(page.getByTestId('review-approval')).toHaveText('Waiting for engineering, product, business and operations');
    await expect(page.getByTestId('review-slo-next')).toContainText(/\(in 36[56] days\)/);
    await expect(page.getByTestId('review-target-next')).toContainText('counted from its proposal');

    // A comment, taken back by Undo and made again by Redo.
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ben Okafor');
    await page.getByRole('textbox', { name: 'Comment' }).fill('Is 200 ms fast enough while people type?');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByTestId('review-comment')).toContainText('Is 200 ms fast enough while people type?');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('review-comment')).toHaveCount(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByTestId('review-comment')).toHaveCount(1);

    // The product owner objects first, then is won over; the three others approve.
    await signOff(page, 'Ben Okafor', 'product', 'Object', '200 ms is too slow for typing');
    await expect(page.getByTestId('review-approval')).toHaveText('Waiting for engineering, product, business and operations; Ben Okafor (product) objects');
    await signOff(page, 'Ana Ruiz', 'engineering', 'Approve', 'The latency budget fits our deploys');
    await signOff(page, 'Ben Okafor', 'product', 'Approve', 'Fine with 99.5 % as the target');
    await signOff(page, 'Chen Li', 'business', 'Approve', 'The SLA of 90 % under 150 ms is what we sell');
    await expect(page.getByTestId('review-approval')).toHaveText('Waiting for operations');
    await signOff(page, 'Dee Park', 'operations', 'Approve', 'On-call can hold a daily window');
    await expect(page.getByTestId('review-approval')).toHaveText('Approved: all 4 roles approved, nobody objects');
    await expect(page.getByTestId('review-version-1-state')).toHaveText('approved');
    await expect(page.getByTestId('review-draft')).toContainText('version 1 is the approved one');
    await expect(page.getByTestId('review-target-next')).toContainText('counted from its approval');
    await page.getByTestId('review-signoff').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'review-signoff.png') });

    // The performance target reviewed every 6 months instead of 3.
    await page.getByRole('spinbutton', { name: 'Review the performance target every (months)' }).fill('6');
    await page.getByTestId('review-target-set').click();
    await expect(page.getByTestId('review-target-next')).toContainText('(in 18');

    // Editing after approval starts a new draft; the diff lists what it changes against version 1.
    await page.getByTestId('tab-services').click();
    const slo = page.locator('[data-testid$="-slo-target"]').first();
    await slo.fill('99.5');
    await slo.press('Enter');
    await expect(slo).toHaveValue('99.5');
    await page.getByTestId('tab-review').click();
    await expect(page.getByTestId('review-version-draft')).toContainText('The current draft is changed since version 1');
    const diff = page.getByTestId('review-diff');
    await expect(diff.getByTestId('diff-changes')).toContainText('SLO of chatbot / latency: 99 % → 99.5 %');
    await expect(page.getByRole('button', { name: 'Propose this draft as version 2' })).toBeEnabled();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'review-versions.png') });

    // The services list: not overdue.
    await page.getByTestId('tab-services').click();
    await expect(page.getByTestId('service-list')).toContainText('chatbot');
    await expect(page.getByTestId('review-overdue')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
