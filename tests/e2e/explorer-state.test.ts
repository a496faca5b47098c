import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, search, tapElement, waitIdle } from '../helpers/browser.ts';
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

describe('explorer: one view state — shared links, undo and the URL agree with the screen', () => {
  let browser: Browser;
  let page: Page;
  let consoleLines: string[] = [];
  useExplorer((s) => ({ browser, page, console: consoleLines } = s), { open: true });

  it('a shared link opens the same entities at the same places (±1 px), with the same filters and zoom', async () => {
    await search(page, 'ICE', /Immigration and Customs Enforcement/);
    await tapElement(page, TAJIKISTAN);
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitIdle(page);
    const victim = await page.evaluate(
      ([ice, tj]) => window.cy.nodes().filter((n) => n.id() !== ice && n.id() !== tj && !n.hasClass('more') && n.data('type') !== 'EVENT')[0]?.id() ?? '',
      [ICE, TAJIKISTAN] as const,
    );
    await tapElement(page, victim);
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
    await tapElement(page, id);
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

  it('says nothing in the console along the way', () => {
    expect(consoleLines).toEqual([]);
  });
});
