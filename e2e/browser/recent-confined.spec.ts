import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDirs, startServer } from '../support/server';

const BIN = fileURLToPath(new URL('../../bin/slo-workbench.js', import.meta.url));

test("the Recent list in browser mode shows only the served folder's workspaces, by names relative to it", async ({ page }) => {
  const dirs = freshDirs();
  const outside = join(dirname(dirs.folder), 'elsewhere', 'secret.slowb');
  mkdirSync(dirname(outside));
  mkdirSync(join(dirs.folder, 'team'));
  // Put three workspaces in the shared recent list through the CLI, one of them outside the folder.
  for (const file of [outside, join(dirs.folder, 'team', 'deep.slowb'), join(dirs.folder, 'inside.slowb')]) {
    execFileSync(process.execPath, [BIN, 'workspace', 'create', file], { env: { ...process.env, SLO_WORKBENCH_HOME: dirs.home } });
  }
  const server = await startServer(dirs);
  try {
    await page.goto(server.url);
    const recent = page.getByRole('region', { name: 'Recent workspaces' });
    await expect(recent.getByRole('listitem')).toHaveCount(2);
    await expect(recent.getByRole('listitem').nth(0)).toHaveText('inside.slowb');
    await expect(recent.getByRole('listitem').nth(1)).toHaveText('deep.slowb team/deep.slowb');
    await expect(recent).not.toContainText('secret');
    await expect(recent).not.toContainText(dirs.folder);
    await recent.getByRole('button', { name: 'deep.slowb' }).click();
    await expect(page.getByTestId('workspace-title')).toHaveText(/deep\.slowb\s*team\/deep\.slowb/);
  } finally {
    await server.stop();
  }
});
