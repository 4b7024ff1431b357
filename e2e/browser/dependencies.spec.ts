import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

/** Adds a service with an availability SLI and sets its SLO, all through the Services & tiers screen. */
async function addServiceWithSlo(page: Page, name: string, slo: string) {
  await page.getByTestId('new-service-name').fill(name);
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('main', { name: `Service ${name}` })).toBeVisible();
  await page.getByTestId('new-sli-name').fill('availability');
  await page.getByRole('button', { name: 'Add SLI' }).click();
  const sloInput = page.getByTestId('sli-availability').locator('input[data-testid$="-slo-target"]');
  await sloInput.fill(slo);
  await sloInput.press('Enter');
  await expect(page.getByTestId('sli-availability').locator('[data-testid$="-slo-budget"]')).not.toHaveText('—');
}

/** Selects a service in the graph and adds a dependency through the side panel's editor. */
async function addDependency(page: Page, from: string, on: string, group?: string) {
  await page.getByTestId(`node-${from}`).click();
  const side = page.getByTestId('dependency-side');
  await expect(side.getByRole('heading', { name: from, exact: true })).toBeVisible();
  await side.getByTestId('dependency-target').selectOption({ label: on });
  if (group !== undefined) {
    await side.getByTestId('dependency-kind').selectOption('group');
    await side.getByTestId('dependency-group').fill(group);
  }
  await side.getByTestId('add-dependency').click();
  await expect(side.getByTestId(`dep-${on}`)).toBeVisible();
}

test('a workshop links three services, sees the ceiling and the red infeasible node, is refused a cycle and undoes a dependency', async ({ page }) => {
  const server = await startServer(freshDirs());
  // The graph is drawn with SVG attributes and classes only: the strict CSP must never have to block a style.
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'dependencies');
    await addServiceWithSlo(page, 'checkout', '99.8');
    await addServiceWithSlo(page, 'payments', '99.9');
    await addServiceWithSlo(page, 'ledger', '99.95');
    await addServiceWithSlo(page, 'db-primary', '99.5');
    await addServiceWithSlo(page, 'db-replica', '99.5');

    await page.getByTestId('tab-dependencies').click();
    const graph = page.getByTestId('dependency-graph');
    await expect(graph.locator('[data-testid^="node-"]')).toHaveCount(5);
    await expect(page.getByTestId('node-checkout')).toHaveAttribute('data-status', 'unknown');

    // checkout needs payments: its ceiling is payments' SLO, and 99.8 % fits under it.
    await addDependency(page, 'checkout', 'payments');
    const side = page.getByTestId('dependency-side');
    await expect(side.getByTestId('ceiling-value')).toHaveText('99.9 %');
    await expect(side.getByTestId('ceiling-status')).toHaveText('✓ SLO 99.8 % fits');
    await expect(page.getByTestId('node-checkout')).toHaveAttribute('data-status', 'feasible');

    // The workshop raises checkout's SLO above what payments allows: the service panel warns, naming payments.
    await page.getByTestId('tab-services').click();
    await page
      .getByTestId('service-list')
      .getByRole('button', { name: /checkout/ })
      .click();
    const sloInput = page.getByTestId('sli-availability').locator('input[data-testid$="-slo-target"]');
    await sloInput.fill('99.95');
    await sloInput.press('Enter');
    const panel = page.getByTestId('dependency-panel');
    await expect(panel.getByTestId('feasibility-warning')).toHaveText(
      '⚠ The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.9 %): "payments" (99.9 %) limits it most.',
    );
    await expect(page.getByTestId('service-list').getByRole('button', { name: /checkout/ })).toContainText('⚠ 1');
    // The same SLO's burn-rate alerts: 14.4× the budgeted rate pages, i.e. 0.72 % errors at 99.95 %.
    const alerts = page.getByTestId('sli-availability');
    await expect(alerts.locator('[data-testid$="-page-quick-factor"]')).toHaveText('×14.4');
    await expect(alerts.locator('[data-testid$="-page-quick-rate"]')).toHaveText('0.72 %');
    await expect(alerts.locator('[data-testid$="-ticket-slow-exhaust"]')).toHaveText('30 d');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '13c-service-panel-dependencies.png') });

    // ledger keeps its data on either of two databases; payments needs ledger.
    await page.getByTestId('tab-dependencies').click();
    await addDependency(page, 'ledger', 'db-primary', 'storage');
    await addDependency(page, 'ledger', 'db-replica', 'storage');
    await expect(side.getByTestId('ceiling-value')).toHaveText('99.9975 %');
    await expect(side.getByTestId('ceiling-factors')).toContainText('1 − (1 − 99.5 %) × (1 − 99.5 %) = 99.9975 %');
    await expect(side.getByTestId('ceiling-status')).toHaveText('✓ SLO 99.95 % fits');
    await addDependency(page, 'payments', 'ledger');
    await expect(page.getByTestId('edge-payments-ledger')).toHaveClass(/dep-edge-hard/);
    await expect(side.getByTestId('dep-ledger')).toContainText('hard');
    await expect(page.getByTestId('edge-ledger-db-primary')).toHaveClass(/dep-edge-group/);

    await expect(page.getByTestId('node-checkout')).toHaveAttribute('data-status', 'infeasible');
    await expect(page.getByTestId('node-payments')).toHaveAttribute('data-status', 'feasible');
    await expect(page.getByTestId('node-db-primary')).toHaveAttribute('data-status', 'unknown');
    await expect(page.getByTestId('infeasible-count')).toHaveText('1 SLO above the ceiling');
    await page.screenshot({ path: join(ARTIFACTS, '12-dependencies-graph.png') });

    // Keyboard: Tab to the checkout box and press Enter to open its ceiling and the warning.
    await page.getByTestId('node-checkout').focus();
    await page.keyboard.press('Enter');
    await expect(side.getByRole('heading', { name: 'checkout', exact: true })).toBeVisible();
    await expect(side.getByTestId('feasibility-warning')).toContainText('"payments" (99.9 %) limits it most.');
    await expect(side.getByTestId('ceiling-value')).toHaveText('99.9 %');
    await expect(side.getByTestId('ceiling-factors')).toContainText('hard "payments": SLO 99.9 %');
    await page.screenshot({ path: join(ARTIFACTS, '13-feasibility-warning.png') });

    // ledger → checkout would close a cycle: refused beside the form, naming it, and nothing changes.
    await page.getByTestId('node-ledger').click();
    await side.getByTestId('dependency-target').selectOption({ label: 'checkout' });
    await side.getByTestId('add-dependency').click();
    await expect(side.getByTestId('dependency-error')).toHaveText(
      '"ledger" cannot depend on "checkout": that would close the cycle ledger → checkout → payments → ledger',
    );
    await expect(side.getByTestId('dep-checkout')).toHaveCount(0);
    await expect(page.getByTestId('edge-ledger-checkout')).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, '13b-dependency-cycle.png') });

    // Ctrl+Z undoes the last dependency (payments → ledger); Ctrl+Shift+Z brings it back.
    await page.getByRole('heading', { name: 'Dependencies', exact: true }).click();
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('edge-payments-ledger')).toHaveCount(0);
    await expect(page.getByTestId('edge-checkout-payments')).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('edge-payments-ledger')).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  } finally {
    await server.stop();
  }
});
