import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prometheusMissing, requestCounters, startPrometheus, HISTORY_START_S } from '../../electron/core/test/prometheus';
import { addServiceWithSlo, importFile } from '../support/history';
import { ARTIFACTS, createWorkspace, freshDirs, startServer, type RunningServer } from '../support/server';

const HISTORIES = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));

// The wizard's date fields are in the browser's zone; pin it so the times typed below mean UTC.
test.use({ timezoneId: 'UTC', viewport: { width: 1500, height: 1000 } });

async function open(page: Page, server: RunningServer, name: string): Promise<void> {
  await page.goto(server.url);
  await createWorkspace(page, name);
  await addServiceWithSlo(page, 'site', 'availability', '99.5');
  await page.getByTestId('tab-history').click();
}

async function finish(page: Page, expected: RegExp | string): Promise<void> {
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'stored', { timeout: 60_000 });
  await expect(result).toContainText(expected);
  await page.getByTestId('import-close').first().click();
  await expect(page.getByTestId('sli-chart')).toBeVisible();
}

test('an access log, an Upptime history, a query_range file, NGINX Plus snapshots and a JSON sample array import through the wizard', async ({ page }) => {
  test.setTimeout(240_000);
  const dirs = freshDirs();
  for (const file of ['access.log', 'upptime-events.csv', 'nginx-status.jsonl']) copyFileSync(join(HISTORIES, file), join(dirs.folder, file));
  const t0 = Date.UTC(2026, 2, 1);
  const matrix = {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        {
          metric: { __name__: 'sli:availability:ratio', job: 'api' },
          values: Array.from({ length: 600 }, (_, i) => [t0 / 1000 + 60 * (i + 1), i >= 300 && i < 310 ? '0.5' : '1']),
        },
      ],
    },
  };
  writeFileSync(join(dirs.folder, 'availability-query-range.json'), JSON.stringify(matrix));
  writeFileSync(
    join(dirs.folder, 'samples.json'),
    JSON.stringify(Array.from({ length: 120 }, (_, i) => ({ t: new Date(t0 + 60_000 * (i + 1)).toISOString(), good: i === 60 ? 90 : 100, total: 100 }))),
  );
  const server = await startServer(dirs);
  try {
    await open(page, server, 'formats');

    await importFile(page, 'access.log', async () => {
      await expect(page.getByTestId('import-format')).toContainText(/access log/i);
    });
    await finish(page, '1,191');
    await expect(page.getByTestId('imports-list')).toContainText('access.log');

    await importFile(page, 'upptime-events.csv', async () => {
      await expect(page.getByTestId('import-format')).toContainText(/upptime/i);
    });
    await finish(page, /series|monitor/i);
    // An Upptime history holds one series per monitor; choosing one analyses that monitor.
    const series = page.getByTestId('history-series');
    // This monitor was down 771 minutes in February, more than the 216 a 99.5 % SLO allows in 30 days, so it misses.
    const monitor = await series.locator('option', { hasText: /^letters-archive \(/ }).getAttribute('value');
    await series.selectOption(monitor!);
    await expect(page.getByTestId('fit-panel')).toContainText('upptime-events.csv');
    await expect(page.getByTestId('budget-windows')).toContainText('missed');
    await expect(page.getByTestId('chart-samples')).not.toHaveText('0');
    await page.screenshot({ path: join(ARTIFACTS, '26-history-upptime.png'), fullPage: true });

    await importFile(page, 'availability-query-range.json', async () => {
      await expect(page.getByTestId('import-format')).toContainText(/prometheus/i);
      await page.getByTestId('import-prometheus-ratio').check();
    });
    await finish(page, '600');

    // NGINX Plus status snapshots: 60 snapshots give 59 intervals per series.
    await importFile(page, 'nginx-status.jsonl', async () => {
      await expect(page.getByTestId('import-format')).toContainText(/nginx/i);
    });
    await finish(page, '59');

    await importFile(page, 'samples.json');
    await finish(page, '120');
    await expect(page.getByTestId('imports-list')).toContainText('samples.json');
  } finally {
    await server.stop();
  }
});

test('a long import shows its progress and can be cancelled, storing nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const dirs = freshDirs();
  // Three million minutes (about 100 MB): long enough to cancel while it is being read.
  const t0 = Date.UTC(2020, 0, 1);
  const rows: string[] = ['time,good,total'];
  for (let i = 1; i <= 3_000_000; i++) rows.push(`${t0 / 1000 + 60 * i},99,100`);
  writeFileSync(join(dirs.folder, 'big.csv'), rows.join('\n'));
  const server = await startServer(dirs);
  try {
    await open(page, server, 'cancel');
    await importFile(page, 'big.csv', async () => {
      await page.getByTestId('import-time-format').selectOption('epoch-s');
    });
    const wizard = page.getByTestId('import-wizard');
    await expect(wizard.getByTestId('import-progress')).toBeVisible();
    // The bar moves through the file while it is parsed, then the import is cancelled part-way.
    await expect(wizard.locator('.import-phase')).toContainText(/Parsing… [\d.]+ MB of [\d.]+ MB/, { timeout: 60_000 });
    expect(Number(await wizard.getByTestId('import-progress').getAttribute('value'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, '30-import-progress.png') });
    await wizard.getByTestId('import-cancel').click();
    await expect(wizard.getByTestId('import-error')).toContainText(/cancel/i, { timeout: 60_000 });
    await page.getByTestId('import-close').first().click();
    await expect(page.getByTestId('history-empty')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a live Prometheus imports through the wizard with a progress bar, and an unreachable one is named', async ({ page }) => {
  const missing = prometheusMissing();
  test.skip(missing !== null && !process.env.CI, `Prometheus is not installed here: ${missing}`);
  test.setTimeout(240_000);
  const prometheus = await startPrometheus(requestCounters());
  const server = await startServer(freshDirs());
  try {
    await open(page, server, 'live');
    await page.getByTestId('history-import').first().click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-source-prometheus').click();
    await wizard.getByTestId('prom-url').fill('http://127.0.0.1:9');
    await wizard.getByTestId('prom-good').fill('sum(increase(http_requests_total{code!~"5.."}[1m]))');
    await wizard.getByTestId('prom-total').fill('sum(increase(http_requests_total[1m]))');
    const from = new Date((HISTORY_START_S + 3600) * 1000);
    const to = new Date(from.getTime() + 3 * 86_400_000 - 3_600_000);
    const local = (d: Date) => d.toISOString().slice(0, 16);
    await wizard.getByTestId('prom-start').fill(local(from));
    await wizard.getByTestId('prom-end').fill(local(to));
    await wizard.getByTestId('prom-step').selectOption('60');
    await wizard.getByTestId('import-start').click();
    // Nothing listens on port 9: the message names the server, and nothing is stored.
    await expect(wizard.getByTestId('import-error')).toContainText('127.0.0.1:9', { timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, '27-prometheus-unreachable.png') });
    await wizard.getByRole('button', { name: /back/i }).first().click();
    await wizard.getByTestId('prom-url').fill(prometheus.url);
    await wizard.getByTestId('import-start').click();
    await expect(wizard.getByTestId('import-progress')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, '28-prometheus-progress.png') });
    // Three days less an hour at one step a minute.
    await finish(page, '4,261');
    // Three days of history hold complete 1-day windows, so a target can be recommended from them.
    await page.getByTestId('history-window').selectOption('1');
    await expect(page.getByTestId('recommendation')).toContainText('1-day windows');
    await page.screenshot({ path: join(ARTIFACTS, '29-history-prometheus.png'), fullPage: true });
  } finally {
    await server.stop();
    await prometheus.stop();
  }
});
