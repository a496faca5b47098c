import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../server/src/app.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { batch, entity, rel } from '../helpers/graph-fixtures.ts';
import { ARTIFACTS, search, tapElement } from '../helpers/browser.ts';
import { useExplorer } from '../helpers/explorer-session.ts';
import { startFeedSite } from '../helpers/feed-site.ts';

const ICE = 'agency:immigration-and-customs-enforcement';
const DHS = 'agency:department-of-homeland-security';
const HOSTILE = '<img src=x onerror="window.__xss=1">';

describe('explorer flows in headless Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let consoleLines: string[] = [];
  useExplorer((s) => ({ app, browser, page, console: consoleLines } = s), {
    // A hostile name, to check no graph string becomes markup.
    seed: (a) => a.repo.writeArticle(batch('art_hostile_ui', [{ ...entity('organization:hostile'), name: HOSTILE, aliases: [] }, entity(ICE, 'AGENCY')], [rel('organization:hostile', ICE, 'AFFILIATED_WITH')])),
    page: { acceptDownloads: true },
    // The feed test reads a site on this machine.
    config: { ALLOW_PRIVATE_URLS: 'true' },
  });

  it('search → edge → evidence with both names highlighted, linked to its article', async () => {
    await page.goto(app.url);
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    await page.waitForFunction((id) => window.cy.getElementById(id).connectedEdges().length > 0, ICE);
    const edgeId = await page.evaluate(([a, b]) => window.cy.edges().filter((e) => [e.source().id(), e.target().id()].sort().join() === [a, b].sort().join()).first().id(), [ICE, DHS] as const);
    expect(edgeId).toMatch(/^rel_/);
    await tapElement(page, edgeId);
    const panel = page.locator('#details');
    await panel.locator('blockquote').first().waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}\nstatus: ${await page.locator('#status').textContent()}\npanel: ${await panel.textContent()}`);
    });
    expect(await panel.locator('h2').textContent()).toMatch(/Immigration and Customs Enforcement — Department of Homeland Security|Department of Homeland Security — Immigration and Customs Enforcement/);
    const marks = await panel.locator('blockquote').first().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(2);
    expect(await panel.locator('blockquote').first().locator('.meta').textContent()).toMatch(/\S/);
    // Why the link is on the graph: the rules that read it from the sentence.
    expect(await panel.locator('blockquote').first().locator('.rules').textContent()).toMatch(/^found by \S/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-edge-evidence.png') });
    // A marked name in the sentence focuses its entity.
    const dhsMark = panel.locator('blockquote').first().locator('mark.pick', { hasText: /Homeland Security|DHS/ }).first();
    await dhsMark.click();
    await page.locator('#details h2', { hasText: 'Department of Homeland Security' }).waitFor();
  });

  it('shows an entity’s aliases, strongest links and articles when clicked', async () => {
    await tapElement(page, ICE);
    const panel = page.locator('#details');
    await panel.getByRole('heading', { name: 'Articles' }).waitFor();
    expect(await panel.textContent()).toMatch(/Also called.*ICE/s);
    expect(await panel.locator('h3:text-is("Articles") + ul > li').count()).toBeGreaterThanOrEqual(3);
  });

  it('never turns a hostile name into markup', async () => {
    const text = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss, imgs: document.querySelectorAll('img').length }));
    expect(text).toEqual({ xss: undefined, imgs: 0 });
    await tapElement(page, 'organization:hostile');
    await page.locator('#details h2').filter({ hasText: '<img' }).waitFor({ timeout: 10_000 });
    await page.getByRole('combobox', { name: 'Search entities' }).fill('onerror', { timeout: 5000 });
    await page.locator('#search-results li').first().waitFor({ timeout: 10_000 });
    const after = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss, imgs: document.querySelectorAll('img').length }));
    expect(after).toEqual({ xss: undefined, imgs: 0 });
    await page.keyboard.press('Escape');
  });

  it('filters by type from the legend and by minimum weight', async () => {
    const visible = () => page.evaluate(() => window.cy.nodes(':visible').map((n) => String(n.data('type'))));
    expect(await visible()).toContain('COUNTRY');
    await page.locator('#legend').getByLabel('Country').uncheck();
    expect(await visible()).not.toContain('COUNTRY');
    await page.locator('#legend').getByLabel('Country').check();
    expect(await visible()).toContain('COUNTRY');
    await page.locator('#min-weight').fill('2');
    const weights = await page.evaluate(() => window.cy.edges(':visible').map((e) => Number(e.data('weight'))));
    expect(weights.every((w) => w >= 2)).toBe(true);
    await page.locator('#min-weight').fill('1');
  });

  it('filters links by what their evidence says, and shows each sentence\'s stance in the link panel', async () => {
    await search(page, 'Tajikistan', /Tajikistan/);
    await page.waitForFunction(() => window.cy.edges().some((e) => Number((e.data('stances') as { alleged?: number } | undefined)?.alleged ?? 0) > 0));
    const stances = page.locator('#stances');
    expect(await stances.getByLabel(/Alleged/).isChecked()).toBe(true);
    expect(await stances.locator('[data-stance-count="ALLEGED"]').textContent()).toMatch(/^\([1-9]\d*\)$/);
    // Only what is alleged, hedged or denied: every link left has such evidence, and the view is in the URL.
    await stances.getByLabel(/Asserted/).uncheck();
    await stances.getByLabel(/Attributed/).uncheck();
    const shown = () =>
      page.evaluate(() =>
        window.cy
          .edges()
          .not('.filtered')
          .not('.more')
          .map((e) => e.data('stances') as Record<string, number> | undefined),
      );
    const left = await shown();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((s) => !s || (s.alleged ?? 0) + (s.uncertain ?? 0) + (s.denied ?? 0) > 0)).toBe(true);
    expect(decodeURIComponent(page.url())).toMatch(/st=ASSERTED,ATTRIBUTED/);
    await page.locator('#undo').click();
    await page.locator('#undo').click();
    expect(await stances.getByLabel(/Asserted/).isChecked()).toBe(true);
    expect((await shown()).length).toBeGreaterThan(left.length);

    // The link panel: counts by stance, a badge on each sentence, a count that keeps only its sentences.
    const edgeId = await page.evaluate(() => window.cy.edges().filter((e) => Number((e.data('stances') as { alleged?: number } | undefined)?.alleged ?? 0) > 0).first().id());
    await tapElement(page, edgeId);
    const panel = page.locator('#details');
    const chip = panel.locator('.stances button', { hasText: /alleged/ });
    await chip.waitFor();
    await panel.locator('blockquote .stance-alleged').first().waitFor();
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('h3').first().textContent()).toMatch(/^Evidence \(\d+ of \d+, alleged\)$/);
    const visibleBadges = await panel.locator('blockquote:not([hidden]) .stance').allTextContents();
    expect(visibleBadges.length).toBeGreaterThan(0);
    expect(visibleBadges.every((b) => b === 'alleged')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-stances.png') });
    // Back to the view the tests after this one start from.
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    await page.waitForFunction((id) => window.cy.getElementById(id).connectedEdges().length > 0, ICE);
  });

  it('switches layouts from the menu', async () => {
    await page.getByRole('button', { name: /Layout/ }).click();
    await page.getByRole('menuitem', { name: 'grid' }).click();
    expect(await page.getByRole('button', { name: /Layout/ }).textContent()).toBe('Layout: grid');
    expect(page.url()).toMatch(/layout=grid/);
  });

  it('exports the view as PNG and SVG, and exactly the entities in view as data with their positions', async () => {
    const exportAs = async (item: RegExp): Promise<{ name: string; text: string }> => {
      await page.getByRole('button', { name: 'Export' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    const inView = await page.evaluate(() => window.cy.nodes(':visible').map((n) => ({ id: n.id(), ...n.position() })));
    expect((await exportAs(/PNG/)).name).toBe('newsgraph.png');

    const svg = await exportAs(/SVG/);
    expect(svg.name).toBe('newsgraph.svg');
    const { DOMParser } = new JSDOM('').window;
    const doc = new DOMParser().parseFromString(svg.text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect([...doc.querySelectorAll('g.node')].map((g) => g.getAttribute('data-id')).sort()).toEqual(inView.map((n) => n.id).sort());
    writeFileSync(path.join(ARTIFACTS, 'flow-export.svg'), svg.text);

    const graphml = await exportAs(/GraphML/);
    expect(graphml.name).toMatch(/^newsgraph-\d{4}-\d{2}-\d{2}\.graphml$/);
    expect(graphml.text.match(/<node /g)).toHaveLength(inView.length);

    const cyjs = JSON.parse((await exportAs(/Cytoscape JSON/)).text) as { elements: { nodes: Array<{ data: { id: string }; position: { x: number; y: number } }> } };
    const first = inView[0];
    expect(cyjs.elements.nodes.find((n) => n.data.id === first?.id)?.position).toEqual({ x: first?.x, y: first?.y });
  });

  it('finds paths between two entities and shows each hop with its evidence', async () => {
    await tapElement(page, 'person:mohammad-kharwin');
    await page.locator('#details h2', { hasText: 'Mohammad Kharwin' }).waitFor();
    await page.getByRole('button', { name: 'Start a path here' }).click();
    await page.waitForFunction(() => window.cy.getElementById('agency:department-of-homeland-security').length > 0);
    await tapElement(page, 'agency:department-of-homeland-security');
    await page.locator('#details h2', { hasText: 'Department of Homeland Security' }).waitFor();
    await page.getByRole('button', { name: /Paths from Mohammad Kharwin to here/ }).click();
    await page.locator('#details').getByRole('heading', { name: /Paths: Mohammad Kharwin → Department of Homeland Security/ }).waitFor();
    expect(await page.locator('#details .path-item').count()).toBeGreaterThan(0);
    expect(await page.locator('#details .path-item blockquote').count()).toBeGreaterThan(0);
    const highlighted = await page.evaluate(() => window.cy.$('.path').length);
    expect(highlighted).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-paths.png') });
  });

  it('adds pasted text and a dropped file from the ingest panel, with progress per article', async () => {
    await page.getByRole('button', { name: 'Add articles' }).click();
    await page.getByLabel('Article text').fill('Border Brief\n\nCBP officers in Eagle Pass detained a Venezuelan man on Monday, officials said.');
    await page.getByLabel('Article files').setInputFiles({ name: 'brief.md', mimeType: 'text/markdown', buffer: Buffer.from('# FBI Note\n\nThe FBI questioned two Tajik men in Chicago.') });
    await page.getByRole('button', { name: 'Add to graph' }).click();
    await page.locator('.progress li').nth(1).filter({ hasText: /entities/ }).waitFor();
    const lines = await page.locator('.progress li').allTextContents();
    expect(lines[0]).toMatch(/^1\/2 “Border Brief”: added · \d+ entities/);
    expect(lines[1]).toMatch(/^2\/2 “FBI Note”: added/);
    await search(page, 'Eagle', /Eagle Pass/);
    await page.waitForFunction(() => window.cy.getElementById('location:eagle-pass').length > 0);
  });

  it('takes title, source and date from the panel, front matter and page metadata; a URL with text is recorded, not fetched', async () => {
    const html = '<html><head><title>Afghan Man Held</title><meta property="og:site_name" content="Plains Courier"><meta property="article:published_time" content="2024-02-14T09:00:00Z"></head><body><article><h1>Afghan Man Held</h1><p>ICE agents arrested an Afghan man in Omaha after the FBI flagged his name, officials in Nebraska said on Tuesday.</p></article></body></html>';
    const htmlFile = { name: 'held.html', mimeType: 'text/html', buffer: Buffer.from(html) };
    // One HTML file alone (no text, no URL) pre-fills the empty fields from its metadata.
    await page.getByLabel('Article text').fill('');
    await page.getByLabel('Article files').setInputFiles(htmlFile);
    await page.waitForFunction(() => (document.getElementById('ingest-source') as HTMLInputElement).value === 'Plains Courier');
    expect(await page.getByLabel('Published').inputValue()).toBe('2024-02-14');
    await page.getByLabel('Source').fill('Gulf Desk');
    await page.getByLabel('Published').fill('2024-04-03');
    await page.getByLabel('Title').fill('Harbor arrests');
    await page.getByLabel('Article text').fill('Harbor note\n\nCBP officers in Galveston detained two Honduran sailors on Friday, the agency said.');
    // Nothing listens there: fetching it would have refused the article.
    await page.getByLabel('Article URL').fill('http://127.0.0.1:9/harbor');
    await page.getByLabel('Article files').setInputFiles([
      { name: 'lake.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Agents hold two Uzbek men\nsource: Lake Wire\npublished: 2023-12-01\n---\nICE agents arrested two Uzbek nationals in Duluth on Monday, officials said.\n') },
      { name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from('Tip reviewed\n\nThe FBI reviewed a tip about a Kyrgyz man in Fargo, an agent said.') },
      htmlFile,
    ]);
    await page.getByRole('button', { name: 'Add to graph' }).click();
    await page.locator('.progress li').nth(3).filter({ hasText: /entities|error|refused/ }).waitFor({ timeout: 60_000 });
    const lines = await page.locator('.progress li').allTextContents();
    expect(lines[0]).toMatch(/^1\/4 “Harbor arrests” \(Gulf Desk, 2024-04-03\): added/);
    expect(lines[1]).toMatch(/^2\/4 “Agents hold two Uzbek men” \(Lake Wire, 2023-12-01\): added/);
    expect(lines[2]).toMatch(/^3\/4 “Tip reviewed” \(Gulf Desk, 2024-04-03\): added/);
    expect(lines[3]).toMatch(/^4\/4 “Afghan Man Held” \(Plains Courier, 2024-02-14\): added/);
    const stored = (await app.repo.listArticles(50, '')).map((a) => a.article).find((a) => a.title === 'Harbor arrests');
    expect(stored?.url).toBe('http://127.0.0.1:9/harbor');
    for (const label of ['Title', 'Source', 'Published', 'Article URL']) await page.getByLabel(label).fill('');
  });

  it('recognises the same story added again as an HTML page and says which article it repeats', async () => {
    const fixture = (name: string): Buffer => readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'near-duplicates', name));
    await page.getByLabel('Article text').fill(fixture('story.txt').toString('utf8'));
    await page.getByLabel('Article files').setInputFiles({ name: 'ledger.html', mimeType: 'text/html', buffer: fixture('story-copy.html') });
    await page.getByRole('button', { name: 'Add to graph' }).click();
    await page.locator('.progress li').nth(1).filter({ hasText: /entities|error/ }).waitFor({ timeout: 60_000 });
    const lines = await page.locator('.progress li').allTextContents();
    expect(lines[0]).toMatch(/^1\/2 “Sheriff's Office Hands Two Kyrgyz Men to ICE After Traffic Stop”: added/);
    expect(lines[1]).toMatch(/^2\/2 “Sheriff's Office Hands Two Kyrgyz Men to ICE After Traffic Stop”.*: the same story as this stored article, not added again/);
    await page.getByLabel('Article text').fill('');
    await page.getByLabel('Article files').setInputFiles([]);
  });

  it('adds a feed\'s items from the ingest panel, with a summary line and the item that failed', async () => {
    const site = await startFeedSite();
    try {
      // Only the feed this time: the text and the file of the test before are cleared.
      await page.getByLabel('Article text').fill('');
      await page.getByLabel('Article files').setInputFiles([]);
      await page.getByLabel('Feed URL').fill(`${site.base}/rss.xml`);
      await page.getByRole('button', { name: 'Add to graph' }).click();
      await page.locator('.progress li', { hasText: /^Feed “Test Wire”/ }).waitFor({ timeout: 60_000 });
      const lines = await page.locator('.progress li').allTextContents();
      expect(lines[0]).toBe('Feed “Test Wire”: 2 added · 0 already in the graph · 3 items');
      expect(lines[1]).toMatch(/missing\.html: .*404/);
      await search(page, 'Denver', /Denver/);
    } finally {
      await site.close();
    }
  });

  it('reopens the same view from a shared URL', async () => {
    const url = page.url();
    const ids = (new URLSearchParams(new URL(url).hash.slice(1)).get('ids') ?? '').split(',').filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    const other = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await other.goto(url);
    await other.waitForFunction((id) => window.cy.getElementById(id).length > 0 && window.cy.nodes().length > 1, ids[0] ?? '');
    expect(await other.getByRole('button', { name: /Layout/ }).textContent()).toBe('Layout: grid');
    await other.screenshot({ path: path.join(ARTIFACTS, 'flow-shared-url-390px.png') });
    await other.close();
  });

  it('writes no warning or error to the console', () => {
    expect(consoleLines).toEqual([]);
  });
});
