import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/storage/db';

test('a workspace written by a newer version opens read-only, says so, and is not modified', async ({ page }) => {
  const dirs = freshDirs();
  let server = await startServer(dirs);
  const file = join(dirs.folder, 'future.slowb');
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'future');
    await page.getByTestId('new-service-name').fill('payments');
    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('service-list')).toContainText('payments');
    await server.stop();

    // A later release added schema steps this build does not know.
    const db = new Database(file);
    db.pragma('user_version = 42');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    server = await startServer(dirs);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'future.slowb' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'newer version' })).toHaveText(
      `This workspace was written by a newer version of SLO Workbench (schema 42; this version knows up to ${LATEST_SCHEMA_VERSION}). It is open read-only.`,
    );
    await expect(page.getByTestId('workspace-title')).toContainText('read-only');
    await expect(page.getByRole('heading', { name: 'payments' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add service' })).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, '09-newer-version-read-only.png') });
    await server.stop();
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  } finally {
    await server.stop();
  }
});
