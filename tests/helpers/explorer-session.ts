import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningApp } from '../../server/src/app.ts';
import { launchChromium, startDemoApp } from './browser.ts';

/** What an explorer test file works with. */
export interface ExplorerSession {
  app: RunningApp;
  browser: Browser;
  page: Page;
  /** Warnings and errors the page wrote to its console (the explorer should write none). */
  console: string[];
}

/**
 * Registers the hooks of an explorer test file: the demo app on an emptied test database (then
 * `seed`, for fixtures of its own), headless Chromium, and one page at 1280×800 (opened on the
 * app with `open`); all closed after the file. `config` overrides settings of the app. `ready` receives them once started.
 */
export function useExplorer(
  ready: (session: ExplorerSession) => void,
  opts: { seed?: (app: RunningApp) => Promise<unknown>; page?: BrowserContextOptions; open?: boolean; config?: Record<string, string> } = {},
): void {
  const started: Partial<ExplorerSession> = {};
  beforeAll(async () => {
    const app = (started.app = await startDemoApp(opts.config));
    await opts.seed?.(app);
    const browser = (started.browser = await launchChromium());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...opts.page });
    const console: string[] = (started.console = []);
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') console.push(`${m.type()}: ${m.text()}`);
    });
    if (opts.open) await page.goto(app.url);
    ready({ app, browser, page, console });
  });
  afterAll(async () => {
    if (process.env.SHOW_CONSOLE) process.stderr.write(`console:\n${started.console?.join('\n') ?? ''}\n`);
    await started.browser?.close();
    await started.app?.close();
  });
}
