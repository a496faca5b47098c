import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { ARTIFACTS, launchChromium } from '../helpers/browser.ts';
import { freshRepository, testConfig } from '../helpers/test-db.ts';

describe('GraphiQL in a real Chromium with no internet', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig({ INGEST_DEMO: 'false' }), () => {});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads from this server alone under its CSP, and runs a query', async () => {
    const page = await browser.newPage();
    const origin = new URL(app.url).origin;
    // No internet: anything not from this server (or a blob: worker) is refused and recorded.
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });

    const query = '{ stats { articles } }';
    const res = await page.goto(`${app.url}/graphql?query=${encodeURIComponent(query)}`);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    await page.getByRole('button', { name: /execute query/i }).first().click();
    await page.getByText('"articles": 0').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql-offline.png') });
    expect(elsewhere).toEqual([]);
    expect(problems.filter((p) => /CSP violation|Content Security Policy/i.test(p))).toEqual([]);
    await page.close();
  });
});
