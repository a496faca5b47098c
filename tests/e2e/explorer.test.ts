import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../server/src/app.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { useExplorer } from '../helpers/explorer-session.ts';

interface CyNode {
  id: string;
  type: string;
}

/** Reads what the page's Cytoscape instance (window.cy) shows. */
function graphState(page: Page): Promise<{ nodes: CyNode[]; edges: Array<{ source: string; target: string }> }> {
  return page.evaluate(() => ({
    nodes: window.cy.nodes().map((n) => ({ id: n.id(), type: String(n.data('type')) })),
    edges: window.cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
  }));
}

describe('the explorer in headless Chromium', () => {
  let app: RunningApp;
  let page: Page;
  let consoleLines: string[] = [];
  useExplorer((s) => ({ app, page, console: consoleLines } = s));

  it('searches "ICE" and shows ICE linked to DHS and to a country', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(app.url);
    expect(await page.getByText('Search for an entity to start.').isVisible()).toBe(true);
    const box = page.getByRole('combobox');
    await box.fill('ICE');
    const option = page.getByRole('option', { name: /Immigration and Customs Enforcement/ });
    await option.waitFor();
    expect(await option.textContent()).toMatch(/Agency · \d+ articles?/);
    await box.press('Enter');

    const ice = 'agency:immigration-and-customs-enforcement';
    await page.waitForFunction((id) => window.cy.getElementById(id).connectedEdges().length > 0, ice);
    const { nodes, edges } = await graphState(page);
    const neighbours = new Set(edges.flatMap((e) => (e.source === ice ? [e.target] : e.target === ice ? [e.source] : [])));
    expect(neighbours.has('agency:department-of-homeland-security')).toBe(true);
    expect(nodes.some((n) => n.type === 'COUNTRY' && neighbours.has(n.id))).toBe(true);
    expect(await page.locator('#empty-state').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-ice.png') });
    expect(pageErrors).toEqual([]);
  });

  it('expands DHS on double-click', async () => {
    const dhs = 'agency:department-of-homeland-security';
    const before = (await graphState(page)).nodes.length;
    await page.waitForFunction(() => window.cy.nodes().toArray().every((n) => Number.isFinite(n.position().x)));
    const point = await page.evaluate((id) => {
      const pos = window.cy.getElementById(id).renderedPosition();
      const rect = window.cy.container()?.getBoundingClientRect();
      return { x: (rect?.left ?? 0) + pos.x, y: (rect?.top ?? 0) + pos.y };
    }, dhs);
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForFunction((n) => window.cy.nodes().length > n, before);
    const after = await graphState(page);
    expect(after.nodes.length).toBeGreaterThan(before);
    expect(after.edges.some((e) => e.source === dhs || e.target === dhs)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-dhs-expanded.png') });
  });

  it('fills node textures before drawing them, and still draws each node in its type colour', async () => {
    // Texture batching reaches into Cytoscape's renderer; this fails if an upgrade moved it.
    expect(await page.evaluate(() => window.cy.scratch('textureBatching'))).toBe(true);
    const dhs = 'agency:department-of-homeland-security';
    await page.evaluate(() => {
      window.cy.elements().unselect();
    });
    await page.waitForTimeout(300);
    const pixel = await page.evaluate((id) => {
      const pos = window.cy.getElementById(id).renderedPosition();
      const layer = document.querySelector<HTMLCanvasElement>('#cy canvas[data-id$="-node"]');
      const data = layer?.getContext('2d')?.getImageData(Math.round(pos.x), Math.round(pos.y), 1, 1).data;
      return data ? [...data] : [];
    }, dhs);
    // Agency blue, #2457c5.
    expect(pixel.slice(0, 3)).toEqual([0x24, 0x57, 0xc5]);
  });

  it('shows the legend with every entity type', async () => {
    const items = await page.locator('#legend label').allTextContents();
    expect(items).toEqual(['Person', 'Agency', 'Organization', 'Country', 'Location', 'Event']);
  });

  it('says so when nothing matches', async () => {
    await page.getByRole('combobox').fill('zzzxxyy');
    await expect(page.getByRole('option', { name: /No entity matches/ }).waitFor()).resolves.toBeUndefined();
  });

  it('writes no warning or error to the console', () => {
    expect(consoleLines).toEqual([]);
  });
});
