/**
 * Web speed, in headless Chromium: frame time while panning and zooming the explorer at
 * 1,000 nodes / 5,000 edges (canvas renderer) and 1,200 nodes / 16,000 edges (WebGL, which the
 * app switches to by itself past its threshold), against a bare Cytoscape page with the same
 * elements, positions and stylesheet in the same run; and the initial draw of 500 nodes
 * including the layout (fcose), cold and warm, in the app and on the bare page.
 *   npx tsx bench/web.ts [--frames 240] [--webgl-frames 8] [--runs 2] [--cold-runs 5] [--warm-runs 7] [--first-draw-only] [--first-draw-size 500x800] [--floor]
 *
 * --first-draw-size sets the nodes × edges of the first-draw case (27x103 is the size of the ICE
 * neighbourhood with the demo corpus and the sixteen dev articles loaded). --first-draw-elements
 * <file> draws those elements instead: a view saved from the explorer (`window.cy.json()`, or
 * Export → Cytoscape JSON), e.g. the ICE neighbourhood itself.
 * --floor measures only the cold first draw of bare Cytoscape with less and less to do (what the
 * target is up against on this machine).
 * Needs no database: the pages are served from their builds and the elements are generated.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { WEB_ROOT } from '../server/src/app.ts';
import { ROOT_DIR } from '../server/src/config.ts';
import { serveStatic } from '../server/src/http/static-files.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { numberArg, percentile, seededRandom } from './generated-graph.ts';

const FRAMES = numberArg('frames', 240);
// Software WebGL (no GPU here) draws 16k edges slowly: fewer frames keep the run in minutes.
const WEBGL_FRAMES = numberArg('webgl-frames', 8);
// Runs per page, app and bare alternated: more short runs even out a slow, drifting machine.
const RUNS = numberArg('runs', 2);
// The first draw varies run to run by ±50% on this VM (GC, the JIT): enough runs for a median.
const COLD_RUNS = numberArg('cold-runs', 5);
const WARM_RUNS = numberArg('warm-runs', 7);
// Skips the frame-rate cases (the WebGL one takes minutes here) when working on the first draw.
const FIRST_DRAW_ONLY = process.argv.includes('--first-draw-only');
const sizeArg = process.argv.includes('--first-draw-size') ? process.argv[process.argv.indexOf('--first-draw-size') + 1] : undefined;
const [FIRST_NODES = 500, FIRST_EDGES = 800] = /^(\d+)x(\d+)$/.exec(sizeArg ?? '')?.slice(1).map(Number) ?? [];
const FLOOR = process.argv.includes('--floor');
const TYPES = ['PERSON', 'AGENCY', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'];

interface Elements {
  nodes: Array<{ group: 'nodes'; data: Record<string, unknown>; position: { x: number; y: number } }>;
  edges: Array<{ group: 'edges'; data: Record<string, unknown> }>;
}

const elementsArg = process.argv.includes('--first-draw-elements') ? process.argv[process.argv.indexOf('--first-draw-elements') + 1] : undefined;

/** Elements saved from the explorer (Cytoscape JSON: `{ elements: { nodes, edges } }`), drawn as they came; "+N more" and group nodes left out. */
function savedElements(file: string): Elements {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { elements?: Partial<Elements> } & Partial<Elements>;
  const els = json.elements ?? json;
  const plain = (e: { data: Record<string, unknown> }): boolean => !/^(more|more-edge|group|group-edge):/.test(String(e.data.id));
  return {
    nodes: (els.nodes ?? []).filter(plain).map((n) => ({ group: 'nodes', data: n.data, position: n.position })),
    edges: (els.edges ?? []).filter(plain).map((e) => ({ group: 'edges', data: e.data })),
  };
}

/** A deterministic graph: nodes scattered on a square, edges between random pairs. */
function generate(nodes: number, edges: number): Elements {
  const rand = seededRandom(nodes * 31 + edges);
  const side = Math.sqrt(nodes) * 70;
  const ns = Array.from({ length: nodes }, (_, i) => ({
    group: 'nodes' as const,
    data: { id: `n${i}`, label: `Entity ${i}`, type: TYPES[i % TYPES.length], articleCount: 1 + Math.floor(rand() * 10), aliases: [] },
    position: { x: rand() * side, y: rand() * side },
  }));
  const es = Array.from({ length: edges }, (_, i) => {
    const a = Math.floor(rand() * nodes);
    const b = (a + 1 + Math.floor(rand() * (nodes - 1))) % nodes;
    return { group: 'edges' as const, data: { id: `e${i}`, source: `n${a}`, target: `n${b}`, type: i % 4 === 0 ? 'PART_OF' : 'MENTIONED_WITH', weight: 1 + Math.floor(rand() * 8) } };
  });
  return { nodes: ns, edges: es };
}

function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => serveStatic(root, req, res));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

/** Loads the elements into the page's graph, then pans and zooms for `frames` frames; returns frame intervals (ms). */
async function frameTimes(page: Page, elements: Elements, frames: number): Promise<{ intervals: number[]; webgl: boolean }> {
  // A background tab gets about one animation frame a second: measure the page in front.
  await page.bringToFront();
  await page.evaluate((els) => {
    window.cy.elements().remove();
    window.cy.add([...els.nodes, ...els.edges]);
    window.cy.fit(undefined, 20);
  }, elements);
  // The app swaps renderers on a timer after a big add; let it, then let both settle.
  await page.waitForTimeout(1500);
  return page.evaluate(async (n) => {
    const cy = window.cy;
    const stamps: number[] = [];
    await new Promise<void>((resolve) => {
      let i = 0;
      const step = (t: number): void => {
        stamps.push(t);
        if (i >= n) {
          resolve();
          return;
        }
        // A slow circle of pans with a gentle zoom in and out: every frame needs a redraw.
        const phase = (i / n) * Math.PI * 4;
        cy.panBy({ x: Math.cos(phase) * 6, y: Math.sin(phase) * 6 });
        cy.zoom({ level: cy.zoom() * (i % 60 < 30 ? 1.004 : 0.996), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        i++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const intervals = stamps.slice(1).map((t, k) => t - (stamps[k] ?? t));
    // A live webgl2 context on the renderer's top layer, not just the option.
    const contexts = (cy as unknown as { renderer(): { data?: { contexts?: unknown[] } } }).renderer().data?.contexts ?? [];
    return { intervals, webgl: contexts.some((c) => typeof WebGL2RenderingContext !== 'undefined' && c instanceof WebGL2RenderingContext) };
  }, frames);
}

type Draw = { total: number; add: number; layout: number; draw: number };

/** One initial draw: 500 nodes added, laid out by the page's Re-layout (fcose; draft past 300 nodes, as the app does), two frames after. */
async function initialDraw(page: Page, elements: Elements): Promise<Draw> {
  await page.bringToFront();
  return page.evaluate(async (els) => {
    const cy = window.cy;
    cy.elements().remove();
    const t0 = performance.now();
    cy.add([...els.nodes, ...els.edges]);
    const t1 = performance.now();
    const stopped = new Promise<void>((resolve) => cy.one('layoutstop', () => resolve()));
    document.getElementById('relayout')?.click();
    await stopped;
    const t2 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t3 = performance.now();
    return { total: t3 - t0, add: t1 - t0, layout: t2 - t1, draw: t3 - t2 };
  }, elements);
}

type FreshPage = { page: Page; close: () => Promise<void> };

/** A page in a browser context of its own: nothing compiled or cached yet. */
async function freshPage(context: BrowserContext, url: string): Promise<FreshPage> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript('window.__name = (f) => f;');
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.cy));
  return { page, close: () => ctx.close() };
}

/**
 * The floor under the cold first draw: bare Cytoscape with the app's look and fcose, then with
 * the nodes placed where they are (no layout algorithm), then also without labels or curved
 * edges. Runs alternate between the variants. Returns the lines to print.
 */
async function floorDraws(context: BrowserContext, bareUrl: string): Promise<string[]> {
  const elements = generate(500, 800);
  const variants = [
    ['fcose, the app\'s stylesheet', ''],
    ['no layout (preset positions, fit), the app\'s stylesheet', '?floor=preset'],
    ['no layout, no labels, haystack edges', '?floor=plain'],
  ] as const;
  const draws = variants.map(() => [] as Draw[]);
  for (let r = 0; r < COLD_RUNS; r++) {
    for (const [k, [, query]] of variants.entries()) {
      const { page, close } = await freshPage(context, `${bareUrl}/${query}`);
      draws[k]?.push(await initialDraw(page, elements));
      await close();
    }
  }
  const lines = ['Cold first draw of 500 nodes / 800 edges on the bare Cytoscape page, with less and less to do:', '| bare page | runs | median ms | min–max | add / layout / frames (medians) |', '| --- | --- | --- | --- | --- |'];
  for (const [k, [name]] of variants.entries()) {
    const ds = draws[k] ?? [];
    const med = (key: keyof Draw): string => percentile(ds.map((d) => d[key]), 50).toFixed(0);
    lines.push(`| ${name} | ${ds.length} | ${med('total')} | ${Math.min(...ds.map((d) => d.total)).toFixed(0)}–${Math.max(...ds.map((d) => d.total)).toFixed(0)} | ${med('add')} / ${med('layout')} / ${med('draw')} |`);
  }
  return lines;
}

/**
 * The initial draw (500 nodes / 800 edges unless --first-draw-size), in the app and on the bare page, alternated:
 * cold (each on a fresh browser context: nothing compiled or cached yet, as right after the page
 * opens) and warm (the same page again after one draw). Returns the lines to print.
 */
async function initialDraws(context: BrowserContext, urls: { app: string; bare: string }): Promise<string[]> {
  const elements = elementsArg ? savedElements(elementsArg) : generate(FIRST_NODES, FIRST_EDGES);
  const fresh = (url: string): Promise<FreshPage> => freshPage(context, url);
  const cold = { app: [] as Draw[], bare: [] as Draw[] };
  for (let r = 0; r < COLD_RUNS; r++) {
    for (const which of ['app', 'bare'] as const) {
      const { page, close } = await fresh(urls[which]);
      cold[which].push(await initialDraw(page, elements));
      await close();
    }
  }
  const warm = { app: [] as Draw[], bare: [] as Draw[] };
  const pages = { app: await fresh(urls.app), bare: await fresh(urls.bare) };
  for (const which of ['app', 'bare'] as const) await initialDraw(pages[which].page, elements);
  for (let r = 0; r < WARM_RUNS; r++) for (const which of ['app', 'bare'] as const) warm[which].push(await initialDraw(pages[which].page, elements));
  await pages.app.close();
  await pages.bare.close();

  const median = (ds: Draw[], k: keyof Draw = 'total'): number => percentile(ds.map((d) => d[k]), 50);
  const spread = (ds: Draw[]): string => `${Math.min(...ds.map((d) => d.total)).toFixed(0)}–${Math.max(...ds.map((d) => d.total)).toFixed(0)}`;
  const phases = (ds: Draw[]): string => `${median(ds, 'add').toFixed(0)} / ${median(ds, 'layout').toFixed(0)} / ${median(ds, 'draw').toFixed(0)}`;
  const lines = [`Initial draw of ${elements.nodes.length} nodes / ${elements.edges.length} edges${elementsArg ? ` from ${path.basename(elementsArg)}` : ''}, including the layout (fcose, draft past 300 nodes) and two frames; target ≤ 1000 ms:`];
  lines.push(
    '| case | runs each | app median ms | bare median ms | app/bare | app min–max | bare min–max | app median add / layout / frames | bare median add / layout / frames |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [name, set] of [['cold (fresh page)', cold], ['warm (same page, after one draw)', warm]] as const) {
    lines.push(
      `| ${name} | ${set.app.length} | ${median(set.app).toFixed(0)} | ${median(set.bare).toFixed(0)} | ${(median(set.app) / median(set.bare)).toFixed(2)} | ${spread(set.app)} | ${spread(set.bare)} | ${phases(set.app)} | ${phases(set.bare)} |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const bareDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-bare-'));
  await build({ root: path.join(ROOT_DIR, 'bench', 'web-bare'), base: '/', logLevel: 'warn', build: { outDir: bareDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
  const app = await serve(WEB_ROOT);
  const bare = await serve(bareDir);
  const browser = await launchChromium();
  // tsx (esbuild keepNames) wraps named functions in __name(); the evaluated code needs it too.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript('window.__name = (f) => f;');
  try {
    if (FLOOR) {
      console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · Chromium headless (--disable-gpu: software rendering)`);
      console.log((await floorDraws(context, bare.url)).join('\n'));
      return;
    }
    // First, before the heavy WebGL runs: the initial draw of 500 nodes, app vs bare page.
    const initialLines = await initialDraws(context, { app: app.url, bare: bare.url });
    const cases = FIRST_DRAW_ONLY
      ? []
      : [
          { name: '1,000 nodes / 5,000 edges (canvas)', nodes: 1000, edges: 5000, webgl: false },
          { name: '1,200 nodes / 16,000 edges (WebGL)', nodes: 1200, edges: 16000, webgl: true },
        ];
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores · Chromium headless (--disable-gpu: software rendering) · ${RUNS} runs per page of ${FRAMES} frames (WebGL: ${WEBGL_FRAMES})`);
    console.log('| case | app fps | app p50 / p95 frame ms | bare fps | bare p50 / p95 frame ms | app/bare fps (mean) | app/bare fps (p50 frame) | renderer (app / bare) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const c of cases) {
      const elements = generate(c.nodes, c.edges);
      const appPage = await context.newPage();
      const barePage = await context.newPage();
      await appPage.goto(app.url);
      await barePage.goto(`${bare.url}/${c.webgl ? '?webgl=1' : ''}`);
      await appPage.waitForFunction(() => Boolean(window.cy));
      await barePage.waitForFunction(() => Boolean(window.cy));
      // Alternate runs so both see the same machine state.
      const runs = { app: [] as number[], bare: [] as number[] };
      let renderers = '';
      const frames = c.webgl ? WEBGL_FRAMES : FRAMES;
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const a = await frameTimes(appPage, elements, frames);
        const b = await frameTimes(barePage, elements, frames);
        console.error(`  ${c.name}: run ${r + 1} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        runs.app.push(...a.intervals);
        runs.bare.push(...b.intervals);
        renderers = `${a.webgl ? 'WebGL' : 'canvas'} / ${b.webgl ? 'WebGL' : 'canvas'}`;
      }
      const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
      const fps = (xs: number[]): number => 1000 / mean(xs);
      const frameMs = (xs: number[]): string => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`;
      console.log(
        `| ${c.name} | ${fps(runs.app).toFixed(1)} | ${frameMs(runs.app)} | ${fps(runs.bare).toFixed(1)} | ${frameMs(runs.bare)} | ${(fps(runs.app) / fps(runs.bare)).toFixed(2)} | ${(percentile(runs.bare, 50) / percentile(runs.app, 50)).toFixed(2)} | ${renderers} |`,
      );
      await appPage.close();
      await barePage.close();
    }
    console.log(`\n${initialLines.join('\n')}`);
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
