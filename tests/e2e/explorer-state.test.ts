import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { NodeSingular } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openEntity, search, tapElement, waitIdle } from '../helpers/browser.ts';
import { useExplorer } from '../helpers/explorer-session.ts';

const ICE = 'agency:immigration-and-customs-enforcement';
const TAJIKISTAN = 'country:tajikistan';

interface Drawn {
  positions: Record<string, { x: number; y: number }>;
  filtered: string[];
  zoom: number;
  legend: Record<string, boolean>;
}

/** What a page draws: rendered (screen) positions of every node, what the filters hide, zoom, and the legend's boxes. */
function drawnOn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const positions: Record<string, { x: number; y: number }> = {};
    window.cy.nodes().forEach((n) => {
      positions[n.id()] = n.renderedPosition();
    });
    const legend: Record<string, boolean> = {};
    document.querySelectorAll<HTMLInputElement>('#legend input[data-type]').forEach((b) => {
      legend[b.value] = b.checked;
    });
    return { positions, filtered: window.cy.$('.filtered').map((e) => e.id()).sort(), zoom: window.cy.zoom(), legend };
  });
}

/** One list of the page's URL fragment (e.g. `x`, the hidden entities). */
const hashList = (page: Page, key: string): string[] => (new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key) ?? '').split(',').filter(Boolean);

/** Waits until the URL has taken in the last zoom, pan or drag. */
const settled = (page: Page): Promise<unknown> => page.waitForTimeout(400);

describe('explorer: one view state (shared links, undo, URL) and the canvas basics', () => {
  let browser: Browser;
  let page: Page;
  let consoleLines: string[] = [];
  useExplorer((s) => ({ browser, page, console: consoleLines } = s), { open: true });

  it('a shared link opens the same entities at the same places (±1 px), with the same filters and zoom', async () => {
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    await openEntity(page, TAJIKISTAN);
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitIdle(page);
    const victim = await page.evaluate(
      ([ice, tj]) => window.cy.nodes().filter((n) => n.id() !== ice && n.id() !== tj && !n.hasClass('more') && n.data('type') !== 'EVENT')[0]?.id() ?? '',
      [ICE, TAJIKISTAN] as const,
    );
    await openEntity(page, victim);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.locator('#legend input[data-type="EVENT"]').uncheck();

    // Drag ICE somewhere else, then zoom out over the canvas.
    const box = await page.locator('#cy').boundingBox();
    const at = await page.evaluate((id) => window.cy.getElementById(id).renderedPosition(), ICE);
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.down();
    await page.mouse.move(box.x + at.x + 80, box.y + at.y + 40, { steps: 5 });
    await page.mouse.up();
    const moved = await page.evaluate((id) => window.cy.getElementById(id).renderedPosition(), ICE);
    expect(moved.x - at.x).toBeGreaterThan(60);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await settled(page);
    const before = await drawnOn(page);
    expect(before.legend.EVENT).toBe(false);

    await page.getByRole('button', { name: 'Share' }).click();
    const url = page.url();
    expect(hashList(page, 'x')).toContain(victim);
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await other.goto(url);
      await other.waitForFunction((n) => window.cy.nodes().length === n, Object.keys(before.positions).length);
      await waitIdle(other);
      const after = await drawnOn(other);
      expect(Object.keys(after.positions).sort()).toEqual(Object.keys(before.positions).sort());
      for (const [id, p] of Object.entries(before.positions)) {
        const q = after.positions[id];
        expect(Math.abs((q?.x ?? Infinity) - p.x), id).toBeLessThanOrEqual(1);
        expect(Math.abs((q?.y ?? Infinity) - p.y), id).toBeLessThanOrEqual(1);
      }
      expect(after.filtered).toEqual(before.filtered);
      expect(after.legend).toEqual(before.legend);
      expect(after.zoom).toBeCloseTo(before.zoom, 3);
      await other.screenshot({ path: path.join(ARTIFACTS, 'state-shared-link.png') });
    } finally {
      await other.close();
    }
  });

  it('undo takes back a hide and the URL follows; undo and redo cover filters and the date range', async () => {
    const id = await page.evaluate(() => window.cy.nodes().filter((n) => !n.hasClass('more') && !n.hasClass('seed'))[0]?.id() ?? '');
    await openEntity(page, id);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.waitForFunction((x) => window.cy.getElementById(x).empty(), id);
    expect(hashList(page, 'x')).toContain(id);
    await page.locator('#undo').click();
    await page.waitForFunction((x) => window.cy.getElementById(x).nonempty(), id);
    expect(hashList(page, 'x')).not.toContain(id);

    await page.locator('#legend input[data-type="EVENT"]').check();
    expect(hashList(page, 'hide')).not.toContain('EVENT');
    await page.locator('#undo').click();
    expect(hashList(page, 'hide')).toContain('EVENT');
    expect(await page.locator('#legend input[data-type="EVENT"]').isChecked()).toBe(false);
    await page.locator('#redo').click();
    expect(await page.locator('#legend input[data-type="EVENT"]').isChecked()).toBe(true);

    await page.getByLabel('From month').fill('3');
    expect(hashList(page, 'since')).toHaveLength(1);
    await page.locator('#undo').click();
    expect(hashList(page, 'since')).toEqual([]);
  });

  it('undo brings the view back where it was on screen, not only its entities', async () => {
    const before = await drawnOn(page);
    await page.getByRole('button', { name: /Layout/ }).click();
    await page.getByRole('menuitem', { name: 'circle' }).click();
    await page.waitForFunction(() => location.hash.includes('layout=circle'));
    const circled = await drawnOn(page);
    expect(Object.entries(before.positions).some(([id, p]) => Math.abs((circled.positions[id]?.x ?? p.x) - p.x) > 5)).toBe(true);
    await page.locator('#undo').click();
    const after = await drawnOn(page);
    for (const [id, p] of Object.entries(before.positions)) {
      expect(Math.abs((after.positions[id]?.x ?? Infinity) - p.x), id).toBeLessThanOrEqual(1);
      expect(Math.abs((after.positions[id]?.y ?? Infinity) - p.y), id).toBeLessThanOrEqual(1);
    }
  });

  it('search adds the chosen entity to the view; Shift+Enter starts a new view with it', async () => {
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    const before = await page.evaluate(() => window.cy.nodes().map((n) => n.id()));
    await search(page, 'Uzbekistan', /Uzbekistan/, 'add');
    await page.waitForFunction((n) => window.cy.$(':selected').map((x) => x.id()).includes('country:uzbekistan') && window.cy.nodes().length >= n, before.length);
    const after = await page.evaluate(() => window.cy.nodes().map((n) => n.id()));
    expect(after).toEqual(expect.arrayContaining(before));
    expect(await page.locator('#details h2').textContent()).toBe('Uzbekistan');
    await search(page, 'ICE', /Immigration and Customs Enforcement/, 'replace');
    expect(await page.evaluate(() => window.cy.getElementById('country:uzbekistan').empty() || !window.cy.getElementById('country:uzbekistan').hasClass('seed'))).toBe(true);
  });

  it('zooms with the + and − buttons and fits what is shown with Fit', async () => {
    const zoom = (): Promise<number> => page.evaluate(() => window.cy.zoom());
    const z0 = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoom()).toBeCloseTo(Math.min(4, z0 * 1.25), 3);
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
    const inside = await page.evaluate(() => {
      const w = window.cy.width();
      const h = window.cy.height();
      let all = true;
      window.cy.nodes(':visible').forEach((n) => {
        const p = n.renderedPosition();
        all &&= p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
      });
      return all;
    });
    expect(inside).toBe(true);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('v')?.split(',')[0]).toBe(String(Math.round((await zoom()) * 10000) / 10000));
  });

  it('Collapse takes out exactly what the Expand before it brought in', async () => {
    const elements = (): Promise<string[]> => page.evaluate(() => window.cy.elements().map((e) => e.id()).sort());
    const before = await elements();
    const target = await page.evaluate(() => window.cy.nodes().filter((n) => !n.hasClass('seed') && !n.hasClass('more') && n.data('type') === 'COUNTRY')[0]?.id() ?? '');
    await openEntity(page, target);
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitIdle(page);
    expect((await elements()).length).toBeGreaterThan(before.length);
    await page.getByRole('button', { name: 'Collapse', exact: true }).click();
    await page.waitForFunction((n) => window.cy.elements().length === n, before.length);
    expect(await elements()).toEqual(before);
  });

  it('filters take out entities left with no link, unless that is switched off; the status counts what is visible now', async () => {
    // A neighbour whose links in view are all of one type: hiding that type leaves it unlinked.
    const pick = await page.evaluate(() => {
      for (const n of window.cy.nodes().not('.more').not('.seed')) {
        const types = new Set(n.connectedEdges().not('.more').map((e) => String(e.data('type'))));
        if (types.size === 1) return { id: n.id(), type: [...types][0] ?? '' };
      }
      return null;
    });
    expect(pick).not.toBeNull();
    if (!pick) return;
    const box = page.locator(`#relation-types input[data-relation-type="${pick.type}"]`);
    await box.uncheck();
    expect(await page.evaluate((id) => window.cy.getElementById(id).visible(), pick.id)).toBe(false);
    const counted = await page.evaluate(() => ({ n: window.cy.nodes(':visible').not('.more').length, e: window.cy.edges(':visible').not('.more').length }));
    expect(await page.locator('#status').textContent()).toContain(`${counted.n} entities · ${counted.e} links`);
    await page.getByLabel('Hide entities whose links are all filtered out').uncheck();
    expect(await page.evaluate((id) => window.cy.getElementById(id).visible(), pick.id)).toBe(true);
    expect(hashList(page, 'orph')).toEqual(['0']);
    await page.getByLabel('Hide entities whose links are all filtered out').check();
    await box.check();
  });

  it('a path dims everything else until its panel closes; "Avoid hubs" asks again', async () => {
    await tapElement(page, ICE);
    await page.locator('#details h2', { hasText: 'Immigration and Customs Enforcement' }).waitFor();
    await page.getByRole('button', { name: 'Start a path here' }).click();
    const other = await page.evaluate((ice) => window.cy.nodes().filter((n) => n.id() !== ice && !n.hasClass('more') && n.data('type') === 'COUNTRY')[0]?.id() ?? '', ICE);
    await openEntity(page, other);
    await page.getByRole('button', { name: /^Paths from Immigration and Customs Enforcement to here/ }).click();
    await page.locator('#details h2', { hasText: /^Paths: / }).waitFor();
    await page.waitForFunction(() => window.cy.$('.path').length > 0 && window.cy.$('.dimmed').length > 0);
    expect(await page.evaluate(() => window.cy.$('.path.dimmed').length)).toBe(0);
    await page.getByLabel(/Avoid hubs/).check();
    await page.waitForFunction(() => (document.querySelector('#details input[type=checkbox]') as HTMLInputElement | null)?.checked === true);
    await waitIdle(page);
    await page.getByRole('button', { name: 'Close details' }).click();
    expect(await page.evaluate(() => window.cy.$('.dimmed, .path').length)).toBe(0);
  });

  it('names in the panel focus their entity, a link opens its evidence, and Read opens the article at the sentence', async () => {
    await tapElement(page, ICE);
    await page.locator('#details h2', { hasText: 'Immigration and Customs Enforcement' }).waitFor();
    const first = page.locator('#details ul.links li').first();
    const name = (await first.locator('button').first().textContent()) ?? '';
    await first.getByRole('button', { name: /^Evidence for / }).click();
    await page.locator('#details blockquote').first().waitFor();
    await page.getByRole('button', { name: name, exact: true }).first().click();
    await page.locator('#details h2', { hasText: name }).waitFor();
    expect(await page.evaluate(() => window.cy.$(':selected').map((n) => String(n.data('label'))))).toContain(name);

    await tapElement(page, ICE);
    await page.locator('#details h2', { hasText: 'Immigration and Customs Enforcement' }).waitFor();
    await page.locator('#details ul.links li').first().getByRole('button', { name: /^Evidence for / }).click();
    const quote = page.locator('#details blockquote').first();
    await quote.waitFor();
    const sentenceStart = ((await quote.locator('.sentence').textContent()) ?? '').slice(0, 25);
    await quote.getByRole('button', { name: /^Read this sentence in / }).click();
    const mark = page.locator('#details mark.evidence');
    await mark.waitFor();
    expect(((await mark.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(sentenceStart.replace(/\s+/g, ' ').trim().slice(0, 15));
    const panel = await page.locator('#details').boundingBox();
    const at = await mark.boundingBox();
    expect(panel && at && at.y >= panel.y && at.y + Math.min(at.height, 20) <= panel.y + panel.height).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'state-read-evidence.png') });
  });

  it('captions events by what happened, hides labels that do not fit and shows them in full on hover', async () => {
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    const event = await page.evaluate(() => {
      const n = window.cy.nodes('[type = "EVENT"]').first();
      return { id: n.id(), label: String(n.data('label')), caption: String(n.data('caption')), width: n.width(), entityWidth: window.cy.nodes('[type != "EVENT"]').not('.more').first().width() };
    });
    expect(event.caption).toMatch(/^[A-Z][a-z]+( · [^·]+)+$/);
    expect(event.caption).not.toBe(event.label);
    expect(event.width).toBeLessThan(event.entityWidth);
    // Drag one entity onto another: one of the two labels has to give way (labels are fitted when the page is idle).
    // (Only once the layout has settled: a node still moving is not where the drag starts, under load.)
    await waitIdle(page);
    // Two entities the mouse can reach: not under the open panel or the filters.
    const [a, b] = await page.evaluate(() => {
      const area = document.getElementById('cy')?.getBoundingClientRect();
      return window.cy
        .nodes('[type != "EVENT"]')
        .not('.more')
        .not('.seed')
        .filter((n: NodeSingular) => {
          const p = n.renderedPosition();
          return area !== undefined && document.elementFromPoint(area.x + p.x, area.y + p.y)?.tagName === 'CANVAS';
        })
        .map((n) => n.id())
        .slice(0, 2);
    });
    if (!a || !b) throw new Error('expected two entities in view');
    const box = await page.locator('#cy').boundingBox();
    if (!box) throw new Error('no canvas');
    const from = await page.evaluate((id) => window.cy.getElementById(id).renderedPosition(), b);
    const to = await page.evaluate((id) => window.cy.getElementById(id).renderedPosition(), a);
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    await page.mouse.move(box.x + to.x + 12, box.y + to.y + 3, { steps: 5 });
    await page.mouse.up();
    // The dragged entity is where it was dropped (not a pan of the whole view).
    const dropped = await page.evaluate(([x, y]) => window.cy.getElementById(y).renderedPosition().x - window.cy.getElementById(x).renderedPosition().x, [a, b] as const);
    expect(Math.abs(dropped - 12)).toBeLessThan(4);
    // (Not the entity just dropped: the pointer is still over it, so it shows its label already.)
    await page.waitForFunction(() => window.cy.$('.label-hidden').not('.hover').length > 0, undefined, { timeout: 5000 });
    const hiddenId = await page.evaluate(() => window.cy.$('.label-hidden').not('.hover').first().id());
    expect(hiddenId).toBeTruthy();
    const shown = await page.evaluate((id) => {
      const n = window.cy.getElementById(id);
      const before = String(n.style('label'));
      n.emit('mouseover');
      return { before, after: String(n.style('label')), full: String(n.data('label')) };
    }, hiddenId);
    expect(shown.before).toBe('');
    expect(shown.after).toBe(shown.full);
    const edge = await page.evaluate(() => {
      const e = window.cy.edges('[type != "MENTIONED_WITH"]').not('.more').first();
      const before = String(e.style('label'));
      e.emit('mouseover');
      return { before, after: String(e.style('label')), type: String(e.data('type')) };
    });
    expect(edge.before).toBe('');
    expect(edge.after).toBe(edge.type.toLowerCase().replace(/_/g, ' '));
    await page.getByRole('button', { name: 'Fit' }).click();
  });

  it('says nothing in the console along the way', () => {
    expect(consoleLines).toEqual([]);
  });
});
