import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addServiceWithSlo, importFile, pickFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer } from '../support/server';

test.use({ timezoneId: 'UTC', viewport: { width: 1500, height: 1000 } });

async function stored(page: Page, expected: string): Promise<void> {
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
  await expect(result).toContainText(expected);
  await page.getByTestId('import-close').first().click();
}

test('the wizard reads a windows-1252 CSV in the encoding chosen, a gzip CSV as its contents, and an access log per bucket', async ({ page }) => {
  test.setTimeout(120_000);
  const dirs = freshDirs();
  writeFileSync(
    join(dirs.folder, 'latin1.csv'),
    Buffer.from('time,good,total,note\n2024-01-01T00:01:00Z,9,10,Grüße\n2024-01-01T00:02:00Z,10,10,ok\n', 'latin1'),
  );
  writeFileSync(
    join(dirs.folder, 'rows.csv.gz'),
    gzipSync('time,good,total\n2024-02-01T00:01:00Z,9,10\n2024-02-01T00:02:00Z,10,10\n2024-02-01T00:03:00Z,10,10\n'),
  );
  // Two requests at hh:05:34 and hh:05:40 in each hour 00–05; the one at 03:05:34 is a 500.
  writeFileSync(
    join(dirs.folder, 'hourly.log'),
    [0, 1, 2, 3, 4, 5]
      .flatMap((h) => [34, 40].map((s) => `1.2.3.4 - - [17/May/2015:0${h}:05:${s} +0000] "GET / HTTP/1.1" ${h === 3 && s === 34 ? 500 : 200} 12`))
      .join('\n'),
  );
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await createWorkspace(page, 'files');
    await addServiceWithSlo(page, 'site', 'availability', '99.5');
    await page.getByTestId('tab-history').click();
    const wizard = page.getByTestId('import-wizard');

    // Not UTF-8: the preview says so and offers the encoding; choosing windows-1252 reads the file again.
    await pickFile(page, 'latin1.csv');
    await expect(wizard.getByRole('alert').first()).toContainText('Choose its text encoding below');
    await expect(wizard).toContainText('not valid UTF-8');
    await wizard.getByTestId('import-encoding').selectOption('windows-1252');
    await expect(wizard.getByLabel('First lines of the file')).toContainText('2024-01-01T00:01:00Z,9,10,Grüße');
    await page.screenshot({ path: join(ARTIFACTS, '40-import-encoding.png'), fullPage: true });
    await wizard.getByTestId('import-start').click();
    await stored(page, '2');

    // gzip: the preview shows the rows inside, and the import reads them.
    await importFile(page, 'rows.csv.gz', async () => {
      await expect(wizard.getByLabel('First lines of the file')).toContainText('2024-02-01T00:01:00Z,9,10');
      await expect(wizard.getByTestId('import-format')).toContainText(/csv/i);
    });
    await stored(page, '3');

    // An access log is counted per bucket, per minute unless another is chosen.
    await importFile(page, 'hourly.log', async () => {
      await expect(wizard.getByTestId('import-bucket')).toHaveValue('1');
      await expect(wizard).toContainText('status is below 500 (4xx included)');
      await wizard.getByTestId('import-bucket').selectOption('5');
    });
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
    await expect(result).toContainText('61');
  } finally {
    await server.stop();
  }
});
