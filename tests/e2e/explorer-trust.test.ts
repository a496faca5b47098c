import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { readArticleFile } from '../../server/src/pipeline/read-article-file.ts';
import { ARTIFACTS, search, tapElement, waitIdle } from '../helpers/browser.ts';
import { useExplorer } from '../helpers/explorer-session.ts';

const TOKOEV = 'person:almaz-tokoev';
const details = (page: Page) => page.locator('#details');

describe('explorer: contradictions marked and shown side by side, what is new, watches', () => {
  let page: Page;
  let consoleLines: string[] = [];
  useExplorer((s) => ({ page, console: consoleLines } = s), {
    open: true,
    // The demo corpus (two outlets disagree on the Tajik detentions' date and count) and two
    // articles written for the tests that disagree on a man's nationality and group membership.
    seed: async (app) => {
      for (const f of ['prairie-raid-first.txt', 'prairie-raid-second.txt']) await app.ingest.ingest(await readArticleFile(path.join(ROOT_DIR, 'tests', 'fixtures', 'trust', f), 1_000_000));
    },
  });

  it('draws a disputed event in red and shows its reports’ dates and counts side by side', async () => {
    await search(page, 'Immigration and Customs', /Immigration and Customs Enforcement/);
    const disputed = await page.evaluate(() => window.cy.$('node[eventType = "Detention"][disputed]').map((n) => [n.id(), String(n.data('disputed'))]));
    // (The Omaha sweep, which ICE also took part in, is disputed too.)
    expect(await page.evaluate(() => window.cy.$('node[type = "EVENT"][disputed]').length)).toBe(2);
    expect(disputed).toHaveLength(1);
    const [id = '', kinds = ''] = disputed[0] ?? [];
    expect(kinds).toBe('DATE COUNT');
    await tapElement(page, id);
    const date = details(page).getByRole('region', { name: 'Date: reports disagree' });
    await date.waitFor();
    await expect.poll(() => date.locator('.version strong').allTextContents()).toEqual(['2024-06-08', '2024-06-09']);
    const count = details(page).getByRole('region', { name: 'Number of people: reports disagree' });
    expect((await count.locator('.version strong').allTextContents()).sort()).toEqual(['7', '8']);
    expect(await count.locator('.version .meta').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Capital Ledger/), expect.stringMatching(/Harbor Gazette/)]));
    // Read opens the article at the sentence that gives the value.
    await count.getByRole('button', { name: /Read this sentence/ }).first().click();
    await page.locator('.article-text mark, #details mark').first().waitFor();
  });

  it('splits a report off a disputed event from its panel, after a confirmation, and undoes it', async () => {
    const id = await page.evaluate(() => window.cy.$('node[eventType = "Detention"][disputed]').id());
    await tapElement(page, id);
    await details(page).getByRole('region', { name: 'Date: reports disagree' }).waitFor();
    await details(page).locator('details.curation summary').click();
    await details(page).getByRole('checkbox', { name: /Families Question Count/ }).check();
    await details(page).getByRole('button', { name: 'Split off reports' }).click();
    await details(page).getByText(/will leave .* and become an event of its own/).waitFor();
    await details(page).getByRole('button', { name: 'Confirm split' }).click();
    await page.locator('#status', { hasText: /Split 1 report off/ }).waitFor();
    // Two events now, each told by one article: nothing left to disagree on.
    await page.waitForFunction((eventId) => window.cy.getElementById(eventId).data('disputed') === undefined, id);
    await page.locator('#status').getByRole('button', { name: 'Undo' }).click();
    await page.locator('#status', { hasText: 'Undone.' }).waitFor();
    await page.waitForFunction((eventId) => window.cy.getElementById(eventId).data('disputed') === 'DATE COUNT', id);
  });

  it('lists every contradiction newest first; a person’s nationalities and a denied membership show side by side', async () => {
    await page.getByRole('button', { name: 'Contradictions' }).click();
    const items = details(page).locator('ol.contradictions > li');
    // Three from the Omaha articles (2025), then the demo's detentions (2024): newest first.
    await expect.poll(() => items.count()).toBe(4);
    const lines = await items.allTextContents();
    expect(lines.map((l) => l.slice(-10))).toEqual(['2025-04-18', '2025-04-18', '2025-04-18', '2024-06-14']);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Almaz Tokoev.*nationality: Kyrgyzstan \/ Uzbekistan/), expect.stringMatching(/^Detention: .*date: 2024-06-08 \/ 2024-06-09; number of people: 8 \/ 7/)]));
    await details(page).getByRole('button', { name: 'Almaz Tokoev', exact: true }).first().click();
    await waitIdle(page);
    const nationality = details(page).getByRole('region', { name: 'Nationality: reports disagree' });
    await nationality.waitFor();
    expect((await nationality.locator('.version strong').allTextContents()).sort()).toEqual(['Kyrgyzstan', 'Uzbekistan']);

    const member = await page.evaluate((id) => window.cy.$(`edge[type = "MEMBER_OF"][source = "${id}"]`).map((e) => [e.id(), String(e.data('disputed'))]), TOKOEV);
    expect(member).toEqual([[expect.any(String), 'STANCE']]);
    await tapElement(page, member[0]?.[0] ?? '');
    const stance = details(page).getByRole('region', { name: 'Asserted or denied: reports disagree' });
    await stance.waitFor();
    expect((await stance.locator('.version strong').allTextContents()).sort()).toEqual(['attributed', 'denied']);
    await expect.poll(() => stance.locator('blockquote').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/never a member of ISIS-K/)]));
    await page.screenshot({ path: path.join(ARTIFACTS, 'trust-contradiction.png') });
  });

  it('lists what is new since a time, and watches the entities in view for new links', async () => {
    await page.getByRole('button', { name: 'What’s new' }).click();
    const panel = details(page);
    await panel.getByRole('heading', { name: /^Links \(\d+\)$/ }).waitFor();
    expect(await panel.getByRole('heading', { name: /^Events \(\d+\)$/ }).count()).toBe(1);
    await expect.poll(() => panel.locator('ul.changes li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Immigration and Customs Enforcement — part of — Department of Homeland Security new · 3 sources$/)]));
    await panel.getByText(/No watches yet/).waitFor();
    await panel.getByRole('textbox', { name: 'Watch name' }).fill('Omaha sweep');
    await panel.getByRole('button', { name: 'Watch entities in view' }).click();
    await panel.getByText(/Omaha sweep/).waitFor();
    await expect.poll(() => panel.locator('ul.watches > li').first().textContent()).toMatch(/0 new links since/);
    await panel.getByRole('button', { name: 'Delete watch Omaha sweep' }).click();
    await panel.getByRole('button', { name: 'Confirm delete' }).click();
    await panel.getByText(/No watches yet/).waitFor();
    expect(consoleLines).toEqual([]);
  });
});
