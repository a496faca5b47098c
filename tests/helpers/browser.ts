import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { freshRepository, testConfig } from './test-db.ts';

/** Where end-to-end tests keep their screenshots. */
export const ARTIFACTS = path.join(ROOT_DIR, 'tests', 'artifacts');

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A running app on an emptied test database (so it seeds the demo corpus). */
export async function startDemoApp(overrides: Record<string, string> = {}): Promise<RunningApp> {
  const repo = await freshRepository();
  await repo.close();
  return startApp(testConfig(overrides), () => {});
}

/**
 * Types a query into the search box, waits for a matching suggestion, opens the first (Shift+Enter:
 * a new view with it; `add`: Enter, added to the view), and
 * waits until its neighbourhood is drawn (the graph drops `aria-busy`), so the next step acts
 * on the new view and its status line is not overwritten by the load finishing later.
 */
export async function search(page: Page, query: string, option: RegExp, mode: 'replace' | 'add' = 'replace'): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill(query);
  await page.getByRole('option', { name: option }).first().waitFor();
  await box.press(mode === 'replace' ? 'Shift+Enter' : 'Enter');
  await waitIdle(page);
}

/** Waits until no neighbourhood load is pending in the explorer. */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('cy')?.hasAttribute('aria-busy') === false);
}

/** Taps a graph element (node or edge) by id, once it is in the graph. */
export async function tapElement(page: Page, id: string): Promise<void> {
  await page.waitForFunction((elementId) => window.cy.getElementById(elementId).length > 0, id);
  await page.evaluate((elementId) => {
    window.cy.getElementById(elementId).emit('tap');
  }, id);
}

/**
 * Taps an entity and waits until its panel is open: a panel button pressed before then would act
 * on the entity shown before (under load the panel's fetch can take a while).
 */
export async function openEntity(page: Page, id: string): Promise<void> {
  await tapElement(page, id);
  const label = await page.evaluate((elementId) => String(window.cy.getElementById(elementId).data('label')), id);
  await page.waitForFunction((name) => document.querySelector('#details h2')?.textContent === name, label);
}
