import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { freshRepository, testConfig } from '../helpers/test-db.ts';

/** What the hostile page reports back: each attempt's outcome. */
interface Attempt {
  ok: boolean;
  status?: number;
  body?: string;
  error?: string;
}

// The page another site would serve: it tries to write a view and read the articles of the
// Newsgraph running on the analyst's machine, with the analyst's credentials.
const HOSTILE_PAGE = (target: string): string => `<!doctype html><meta charset="utf-8"><title>cat pictures</title><script>
async function attempt(body) {
  try {
    const res = await fetch(${JSON.stringify(target)} + '/graphql', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: true, status: res.status, body: await res.text() };
  } catch (err) {
    return { ok: false, error: String(err) };
  }
}
window.results = Promise.all([
  attempt({ query: 'mutation { saveView(name: "stolen", state: "#ids=x") { name } }' }),
  attempt({ query: '{ articles(first: 5) { nodes { title } } }' }),
]);
</script>`;

function launch(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...args],
  });
}

describe('another website in a real Chromium cannot read or write a running Newsgraph', () => {
  let app: RunningApp;
  let hostile: Server;
  let hostileUrl: string;
  const views = async (): Promise<string[]> => (await app.views.list()).map((v) => v.name);

  beforeAll(async () => {
    const repo = await freshRepository();
    await repo.close();
    app = await startApp(testConfig({ INGEST_DEMO: 'false', EXTRACT_WORKERS: '1' }), () => {});
    await app.ingest.ingest({ title: 'Private investigation note', text: 'Private Note\n\nImmigration and Customs Enforcement detained a man in Texas.' });
    hostile = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(HOSTILE_PAGE(`http://127.0.0.1:${app.port}`)));
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', () => r()));
    hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((r) => hostile?.close(r));
    await app?.close();
  });

  it('a page from another loopback port can neither save a view nor read article titles', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(hostileUrl);
      const results = (await page.evaluate(() => (window as unknown as { results: Promise<Attempt[]> }).results)) as Attempt[];
      // The browser refuses to hand over any answer (no CORS headers), and the server refused
      // the requests themselves (their Origin is not its own), so nothing was written either.
      for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(false);
      expect(JSON.stringify(results)).not.toMatch(/Private investigation note/);
      expect(await views()).not.toContain('stolen');
    } finally {
      await browser.close();
    }
  });

  it('a page whose DNS name was rebound to 127.0.0.1 gets nothing from the same "origin"', async () => {
    // Chromium resolves attacker.example to loopback, as a rebinding DNS server would.
    const browser = await launch(['--host-resolver-rules=MAP attacker.example 127.0.0.1']);
    try {
      const page = await browser.newPage();
      const response = await page.goto(`http://attacker.example:${app.port}/`);
      expect(response?.status()).toBe(403);
      const results = (await page.evaluate(
        () =>
          Promise.all([
            fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'mutation { saveView(name: "rebound", state: "#ids=x") { name } }' }) }),
            fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ articles(first: 5) { nodes { title } } }' }) }),
          ]).then((all) => Promise.all(all.map(async (res) => ({ ok: true, status: res.status, body: await res.text() })))),
      )) as Attempt[];
      for (const r of results) {
        expect(r.status).toBe(403);
        expect(r.body).not.toMatch(/Private investigation note/);
      }
      expect(await views()).not.toContain('rebound');
    } finally {
      await browser.close();
    }
  });

  it('the explorer itself, on its own origin, still works', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(app.url);
      const titles = await page.evaluate(async () => {
        const res = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ articles(first: 5) { nodes { title } } }' }) });
        return ((await res.json()) as { data: { articles: { nodes: Array<{ title: string }> } } }).data.articles.nodes.map((n) => n.title);
      });
      expect(titles).toEqual(['Private investigation note']);
    } finally {
      await browser.close();
    }
  });
});
