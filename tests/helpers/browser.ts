import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
export async function startDemoApp(): Promise<RunningApp> {
  const repo = await freshRepository();
  await repo.close();
  return startApp(testConfig(), () => {});
}
