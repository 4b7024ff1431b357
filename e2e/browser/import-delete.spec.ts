import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addServiceWithSlo, importFile } from '../support/history';
import { createWorkspace, freshDirs, startServer } from '../support/server';

test('removing an import on the History screen is undone by the toolbar, bringing the same history back', async ({ page }) => {
  test.setTimeout(120_000);
  const dirs = freshDirs();
  const t0 = Date.UTC(2026, 2, 1);
  writeFileSync(
    join(dirs.folder, 'samples.json'),
    JSON.stringify(Array.from({ length: 120 }, (_, i) => ({ t: new Date(t0 + 60_000 * (i + 1)).toISOString(), good: i === 60 ? 90 : 100, total: 100 }))),
  );
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'undo-import');
    await addServiceWithSlo(page, 'site', 'availability', '99.5');
    await page.getByTestId('tab-history').click();
    await importFile(page, 'samples.json');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
    await page.getByTestId('import-close').first().click();
    const list = page.getByTestId('imports-list');
    await expect(list).toContainText('samples.json');
    const before = await list.innerText();
    const samples = await page.getByTestId('chart-samples').innerText();

    await list.getByRole('button', { name: 'Remove import samples.json' }).click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('You can undo this.');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove import' }).click();
    await expect(list).toHaveCount(0);
    await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: Remove import samples.json (Ctrl+Z)');

    await page.getByTestId('undo').click();
    await expect(list).toBeVisible();
    expect(await list.innerText()).toBe(before);
    await expect(page.getByTestId('chart-samples')).toHaveText(samples);
  } finally {
    await server.stop();
  }
});
