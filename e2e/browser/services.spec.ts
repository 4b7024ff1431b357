import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

test('a service is renamed and deleted, undo brings it back, and Save As continues in the copy', async ({ page }) => {
  const dirs = freshDirs();
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'services');
    for (const name of ['search', 'login']) {
      await page.getByTestId('new-service-name').fill(name);
      await page.getByRole('button', { name: 'Add service' }).click();
      await expect(page.getByTestId('service-list')).toContainText(name);
    }
    await page.getByTestId('new-sli-name').fill('availability');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    await expect(page.getByTestId('sli-availability')).toBeVisible();

    // Rename in place; a clash with another service is refused beside the field.
    await page.getByTestId('service-name').fill('search');
    await page.getByTestId('service-name').press('Enter');
    await expect(page.getByTestId('service-name-error')).toHaveText('A service named "search" already exists');
    await page.getByTestId('service-name').fill('sign-in');
    await page.getByTestId('service-name').press('Enter');
    await expect(page.getByTestId('service-list')).toContainText('sign-in');
    await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: Rename service "login" to "sign-in" (Ctrl+Z)');

    // Delete asks first; undo restores the service with its SLI.
    await page.getByRole('button', { name: 'Delete service' }).click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('Delete “sign-in” with all its SLIs and tiers? You can undo this.');
    await page.screenshot({ path: join(ARTIFACTS, '08-confirm-delete.png') });
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete service' }).click();
    await expect(page.getByTestId('service-list')).not.toContainText('sign-in');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('service-list')).toContainText('sign-in');
    await page.getByRole('button', { name: /sign-in/ }).click();
    await expect(page.getByTestId('sli-availability')).toBeVisible();

    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByTestId('file-name').fill('services-copy');
    await page.getByTestId('file-dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('workspace-title')).toContainText('services-copy.slowb');
    await expect(page.getByTestId('service-list')).toContainText('sign-in');
    expect(existsSync(join(dirs.folder, 'services-copy.slowb'))).toBe(true);
    expect(existsSync(join(dirs.folder, 'services.slowb'))).toBe(true);
  } finally {
    await server.stop();
  }
});
