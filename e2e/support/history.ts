import { expect, type Page } from '@playwright/test';

/** Adds a service with one SLI through the Services screen and sets its SLO. */
export async function addServiceWithSlo(page: Page, service: string, sli: string, target: string): Promise<void> {
  await page.getByTestId('new-service-name').fill(service);
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.getByTestId('new-sli-name').fill(sli);
  await page.getByRole('button', { name: 'Add SLI' }).click();
  const row = page.getByTestId(`sli-${sli}`).locator('tr.tier-row').nth(1);
  const id = /^tier-(\d+)-/.exec((await row.getAttribute('data-testid')) ?? '')![1]!;
  await page.getByTestId(`tier-${id}-slo-target`).fill(target);
  await page.getByTestId(`tier-${id}-slo-target`).press('Enter');
}

/** Opens the import wizard on the History screen, picks a file from the server's folder and waits for its preview. */
export async function pickFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('history-import').first().click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toBeVisible();
  await wizard.getByTestId('import-source-file').click();
  await wizard.getByTestId(`import-file-${file}`).click();
  await expect(wizard.getByTestId('import-preview')).toBeVisible();
}

/** Imports a file through the wizard, running `prepare` on the mapping step first. */
export async function importFile(page: Page, file: string, prepare?: () => Promise<void>): Promise<void> {
  await pickFile(page, file);
  if (prepare) await prepare();
  await page.getByTestId('import-wizard').getByTestId('import-start').click();
}
