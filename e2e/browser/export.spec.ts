import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { ARTIFACTS, freshDirs, startServer } from '../support/server';

const CLI = fileURLToPath(new URL('../../bin/slo-workbench.js', import.meta.url));

// A projector's resolution: the export is checked together in the room before the files go to a pull request.
test.use({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 }, acceptDownloads: true });

/** The chatbot of the workshop, made with the CLI: SLA 90 % under 150 ms, SLO 99 % and target 99.5 % under 200 ms, rolling 1 day, occurrences. */
function makeChatbot(folder: string, home: string): string {
  const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd: folder, env: { ...process.env, SLO_WORKBENCH_HOME: home } });
  const W = ['--workspace', 'chatbot.slowb'];
  cli('workspace', 'create', 'chatbot.slowb');
  cli('service', 'add', ...W, 'chatbot');
  cli('sli', 'add', ...W, '--service', 'chatbot', '--kind', 'latency', '--threshold-ms', '200', 'latency');
  for (const [tier, target, ms] of [
    ['sla', '90', '150'],
    ['slo', '99', '200'],
    ['target', '99.5', '200'],
  ] as const) {
    cli(
      'objective',
      'set',
      ...W,
      '--service',
      'chatbot',
      '--sli',
      'latency',
      '--tier',
      tier,
      '--target',
      target,
      '--window',
      '1d',
      '--threshold-ms',
      ms,
      '--method',
      'occurrences',
    );
  }
  const out = mkdtempSync(join(tmpdir(), 'swb-e2e-export-'));
  cli('export', ...W, '--format', 'openslo', '--out', out);
  return out;
}

/** Every file the CLI wrote, by its name relative to the folder, the manifest aside. */
function filesIn(folder: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.slo-workbench-export.json') continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(folder, path)] = readFileSync(path);
  }
  return files;
}

test('a facilitator exports the chatbot as OpenSLO from the browser: loss report and preview first, then one zip holding what the CLI writes', async ({
  page,
}) => {
  const dirs = freshDirs();
  const cliOut = makeChatbot(dirs.folder, dirs.home);
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open workspace…' }).click();
    await page.getByTestId('file-dialog').getByRole('button', { name: 'chatbot.slowb' }).click();
    await page.getByTestId('workspace-title').getByText('chatbot.slowb', { exact: true }).waitFor();

    await page.getByTestId('toolbar-export').click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByTestId('export-format-openslo').check();
    await expect(dialog.getByTestId('export-drafts')).toHaveText('One service has no approved version and exports its current draft: chatbot.');
    await expect(dialog.getByTestId('export-loss-report')).toContainText('What OpenSLO v1 cannot carry here');
    await expect(dialog.getByTestId('export-loss-tiers')).toContainText('chatbot / latency');
    await expect(dialog.getByTestId('export-file-text')).toContainText('kind: SLO');
    await expect(dialog.getByTestId('export-destination')).toHaveText(/^Your browser downloads one zip, slo-workbench-openslo\.zip, holding the \d+ files\.$/);
    await page.screenshot({ path: join(ARTIFACTS, 'export-dialog.png') });

    await dialog.getByTestId('export-file-LOSSES-openslo.md').click();
    await expect(dialog.getByTestId('export-file-text')).toContainText('# What OpenSLO v1 could not carry');
    await dialog.getByTestId('export-loss-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'export-dialog-loss-report.png') });

    const download = page.waitForEvent('download');
    await dialog.getByTestId('export-go').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('slo-workbench-openslo.zip');
    const zipped = unzipSync(readFileSync(await file.path()));
    const expected = filesIn(cliOut);
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(expected)).toContain('LOSSES-openslo.md');
    for (const [name, bytes] of Object.entries(expected)) expect([name, Buffer.from(zipped[name]!).equals(bytes)]).toEqual([name, true]);
    await expect(dialog.getByTestId('export-done')).toHaveText(/^Downloaded slo-workbench-openslo\.zip \(\d+ files\)\.$/);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
