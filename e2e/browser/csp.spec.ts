import { expect, test } from '@playwright/test';
import { freshDirs, startServer } from '../support/server';

test('the production build renders under the strict CSP, blocks inline script and eval, and talks only to 127.0.0.1', async ({ page }) => {
  const server = await startServer(freshDirs());
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('button', { name: 'New workspace…' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    const inline = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
    });
    expect(inline).toBe(false);
    // DevTools evaluation is exempt from CSP, so string code must be compiled by the page itself: a string timer
    // (an eval in all but name) and an inline event handler.
    const pageCompiled = await page.evaluate(async () => {
      const w = window as unknown as { timerRan?: boolean; handlerRan?: boolean };
      (setTimeout as unknown as (code: string, ms: number) => void)('window.timerRan = true', 0);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.handlerRan = true');
      document.body.append(button);
      button.click();
      await new Promise((r) => setTimeout(r, 100));
      return { timer: w.timerRan ?? false, handler: w.handlerRan ?? false };
    });
    expect(pageCompiled).toEqual({ timer: false, handler: false });
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    expect(violations.some((v) => v.endsWith(' eval'))).toBe(true);
    expect(foreign).toEqual([]);
  } finally {
    await server.stop();
  }
});
