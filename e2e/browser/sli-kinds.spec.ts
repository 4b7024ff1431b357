import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

test('a workshop adds a custom "rated helpful" SLI and a freshness SLI, says what each is measured by, refuses a broken query and undoes the queries', async ({
  page,
}) => {
  const dirs = freshDirs();
  const server = await startServer(dirs);
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(server.url);
    await createWorkspace(page, 'assistant');
    await page.getByTestId('new-service-name').fill('assistant');
    await page.getByRole('button', { name: 'Add service' }).click();
    await expect(page.getByTestId('service-list')).toContainText('assistant');

    // A custom ratio with its own wording: the AI feature's "rated helpful" SLI.
    await page.getByTestId('new-sli-name').fill('rated helpful');
    await page.getByTestId('new-sli-kind').selectOption('custom');
    await page.getByTestId('new-sli-good').fill('responses rated helpful');
    await page.getByTestId('new-sli-total').fill('rated responses');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    await expect(page.getByTestId('measured-rated helpful')).toHaveText('Measures responses rated helpful of all rated responses · no Prometheus queries yet');

    // A freshness SLI: data newer than 15 minutes.
    await page.getByTestId('new-sli-name').fill('index freshness');
    await page.getByTestId('new-sli-kind').selectOption('freshness');
    await page.getByTestId('new-sli-max-age').fill('15');
    await page.getByRole('button', { name: 'Add SLI' }).click();
    await expect(page.getByTestId('measured-index freshness')).toContainText('fresh when newer than 15 min');

    // Its queries: a broken one is refused where it is typed, and nothing is saved.
    await page.getByTestId('edit-measured-rated helpful').click();
    const editor = page.getByRole('form', { name: 'What rated helpful measures' });
    await editor.getByTestId('query-form').selectOption('good-total');
    await editor.getByTestId('query-first').fill('sum(rate(ratings_total{verdict="helpful"}[{{.window}}])');
    await editor.getByTestId('query-total').fill('sum(rate(ratings_total[{{.window}}]))');
    await editor.getByTestId('save-measured').click();
    await expect(editor.getByRole('alert')).toContainText('bracket');
    await page.screenshot({ path: join(ARTIFACTS, 'sli-kinds-query-refused.png') });

    await editor.getByTestId('query-first').fill('sum(rate(ratings_total{verdict="helpful"}[{{.window}}]))');
    await editor.getByTestId('save-measured').click();
    await expect(page.getByTestId('measured-rated helpful')).toHaveText(
      'Measures responses rated helpful of all rated responses · Prometheus: good and total events',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'sli-kinds-measured-by.png'), fullPage: true });

    // One undo takes the queries away again, and keeps the SLI.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('measured-rated helpful')).toHaveText('Measures responses rated helpful of all rated responses · no Prometheus queries yet');
  } finally {
    await server.stop();
  }
});
