/**
 * Makes the README's screenshots: starts the app on a fresh local Neo4j (the demo corpus loads
 * itself), ingests the article folders given as arguments, opens the ICE, DHS and Tajikistan
 * neighbourhoods in headless Chromium at 1280×800 and saves each to docs/screenshots/ (Tajikistan
 * three times: then with the panel of its most doubted link open, and with the demo's disputed
 * detention opened from the Contradictions list).
 *
 *   npx tsx docs/make-screenshots.ts [folder of .txt/.md articles …]
 *
 * CORENLP_URL, when set, is used instead of starting CoreNLP. NEWSGRAPH_URL, when set, names a
 * running explorer to photograph instead (no app is started and nothing is ingested).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startApp } from '../server/src/app.ts';
import { loadConfig, ROOT_DIR } from '../server/src/config.ts';
import { ingestFiles } from '../server/src/services/ingest-files.ts';

/** Opens, in a view, the link whose evidence is most often alleged, hedged or denied: its panel shows the stances. */
async function openMostDisputedLink(page: Page): Promise<void> {
  // (A string: tsx would wrap a function's inner helpers in a __name the page does not have.)
  const id = await page.evaluate<string | null>(`(() => {
    const doubt = (e) => { const s = e.data('stances') || {}; return (s.alleged || 0) + (s.uncertain || 0) + (s.denied || 0); };
    const top = window.cy.edges().not('.more').sort((a, b) => doubt(b) - doubt(a)).first();
    return top.nonempty() && doubt(top) > 0 ? top.id() : null;
  })()`);
  if (!id) return;
  await page.evaluate((edgeId) => window.cy.getElementById(edgeId).emit('tap'), id);
  await page.locator('#details .stances').waitFor();
}

/** Opens the demo's disputed detention from the Contradictions list: its panel shows the two outlets' dates and counts side by side. */
async function openDisputedDetention(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Contradictions' }).click();
  await page.locator('#details ol.contradictions button').first().waitFor();
  await page.locator('#details ol.contradictions button', { hasText: /^Detention: .*Tajikistan/ }).first().click();
  await page.locator('#details .side-by-side').first().waitFor();
  await page.waitForFunction(() => document.getElementById('cy')?.hasAttribute('aria-busy') === false);
  await page.waitForTimeout(500);
}

const VIEWS: Array<{ file: string; query: string; option: RegExp; then?: (page: Page) => Promise<void> }> = [
  { file: 'ice.png', query: 'ICE', option: /Immigration and Customs Enforcement/ },
  { file: 'dhs.png', query: 'Homeland Security', option: /Department of Homeland Security/ },
  { file: 'tajikistan.png', query: 'Tajikistan', option: /^Tajikistan/ },
  // The trust layer on the same view: dashed links rest only on alleged or hedged sentences; the panel counts a link's evidence by stance.
  { file: 'stance-tajikistan.png', query: 'Tajikistan', option: /^Tajikistan/, then: openMostDisputedLink },
  // Contradictions on the same view: two outlets disagree on the detentions' date and count; disputed events and links are red.
  { file: 'trust-tajikistan.png', query: 'Tajikistan', option: /^Tajikistan/, then: openDisputedDetention },
];

/** Photographs the three neighbourhoods on the explorer at `url`. */
async function photograph(url: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const v of VIEWS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      const box = page.getByRole('combobox', { name: 'Search entities' });
      await box.fill(v.query);
      await page.getByRole('option', { name: v.option }).first().waitFor();
      await box.press('Shift+Enter');
      await page.waitForFunction(() => document.getElementById('cy')?.hasAttribute('aria-busy') === false && location.hash.includes('&v='));
      await page.waitForTimeout(500);
      await v.then?.(page);
      const out = path.join(ROOT_DIR, 'docs', 'screenshots', v.file);
      await page.screenshot({ path: out });
      const counts = await page.evaluate(() => ({ nodes: window.cy.nodes(':visible').length, edges: window.cy.edges(':visible').length }));
      process.stdout.write(`${v.file}: ${counts.nodes} nodes, ${counts.edges} edges\n`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.env.NEWSGRAPH_URL) {
  await photograph(process.env.NEWSGRAPH_URL);
  process.exit(0);
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'newsgraph-shots-'));
const app = await startApp(loadConfig({ ...process.env, PORT: '0', NEWSGRAPH_DATA_DIR: dataDir }), () => {});
try {
  const folders = process.argv.slice(2);
  if (folders.length > 0) {
    const results = await ingestFiles(app.ingest, folders, 2_000_000);
    const failed = results.filter((r) => !r.ok);
    process.stdout.write(`ingested ${results.length - failed.length} of ${results.length} files from ${folders.join(', ')}\n`);
  }
  const stats = await app.graph.stats();
  process.stdout.write(`${stats.articles} articles, ${stats.byType.reduce((n, t) => n + t.count, 0)} entities, ${stats.relations} relations\n`);
  await photograph(app.url);
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}
