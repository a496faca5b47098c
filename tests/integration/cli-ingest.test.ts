import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import { testCorenlpUrl } from '../helpers/annotate.ts';
import { startFeedSite } from '../helpers/feed-site.ts';
import { freshRepository, testNeo4jPassword, testNeo4jUri, testServices } from '../helpers/test-db.ts';

function ingestCli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/ingest.ts'), ...args], {
    cwd: ROOT_DIR,
    env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword(), CORENLP_URL: testCorenlpUrl(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI without blocking this process (a test server here must keep answering it). */
function runCli(args: string[], env: Record<string, string>, started: (child: ReturnType<typeof spawn>) => void = () => {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/ingest.ts'), ...args], {
      cwd: ROOT_DIR,
      env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword(), CORENLP_URL: testCorenlpUrl(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 55_000);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    started(child);
  });
}

describe('npm run ingest (CLI)', () => {
  let repo: GraphRepository;
  let dir: string;
  beforeAll(async () => {
    repo = await freshRepository();
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-'));
  });
  afterAll(() => repo.close());

  it('ingests files and folders, with a progress line each, then is a no-op the second time', async () => {
    const folder = path.join(ROOT_DIR, 'data', 'articles');
    const first = ingestCli([folder]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\[1\/5\] .*stored/);
    const counts = await repo.countGraph();
    const second = ingestCli([folder]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/unchanged \(already ingested\)/);
    expect(await repo.countGraph()).toEqual(counts);
  });

  it('takes title, source, URL and date from YAML front matter, and --source / --published for files without them', async () => {
    await repo.deleteEverything();
    const folder = mkdtempSync(path.join(dir, 'dated-'));
    writeFileSync(
      path.join(folder, 'a.md'),
      '---\ntitle: Agents hold two Uzbek men\nsource: Border Desk\nurl: https://news.example/uzbek\npublished: 2024-03-02\n---\nICE agents arrested two Uzbek nationals in Houston on Tuesday, officials said.\n',
    );
    writeFileSync(path.join(folder, 'b.txt'), 'FBI reviews tip on Tajik men\n\nThe FBI is reviewing a tip about three Tajik men in Denver, a spokesman said.\n');
    writeFileSync(path.join(folder, 'c.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const r = ingestCli([folder, '--source', 'Wire West', '--published', '2024-05-20']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/c\.md: the front matter is not valid YAML/);
    const stored = (await repo.listArticles(10, '')).map((a) => a.article);
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Agents hold two Uzbek men', source: 'Border Desk', url: 'https://news.example/uzbek', publishedAt: '2024-03-02T00:00:00.000Z' }),
        expect.objectContaining({ title: 'FBI reviews tip on Tajik men', source: 'Wire West', url: null, publishedAt: '2024-05-20T00:00:00.000Z' }),
      ]),
    );
    expect(stored).toHaveLength(2);
  });

  it('works on several articles at once with --concurrency and closes with a summary', async () => {
    await repo.deleteEverything();
    const r = ingestCli([path.join(ROOT_DIR, 'data', 'articles'), '--concurrency', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[5\/5\] /);
    expect(r.stdout).toMatch(/Done in [\d.]+ s: 5 stored, 0 unchanged, 0 re-processed, 0 refused · [\d.]+ articles\/s \(concurrency 2\)\./);
    expect((await repo.countGraph()).articles).toBe(5);
    const bad = ingestCli([path.join(ROOT_DIR, 'data', 'articles'), '--concurrency', '0']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--concurrency must be a whole number from 1 to 32; got "0"/);
  });

  it('on a terminal, draws a progress bar with rate and time left under the per-article lines', async () => {
    await repo.deleteEverything();
    const env = { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_PASSWORD: testNeo4jPassword(), CORENLP_URL: testCorenlpUrl() };
    const command = [process.execPath, '--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/ingest.ts'), path.join(ROOT_DIR, 'data', 'articles')].map((a) => `'${a}'`).join(' ');
    // util-linux `script` runs the CLI on a pseudo-terminal, as a user's shell would.
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT_DIR, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/\d\/5 · [\d.]+ articles\/s · [^\n]* left/);
    expect(r.stdout).toMatch(/\[5\/5\] .*stored/);
    expect(r.stdout).toMatch(/Done in [\d.]+ s: 5 stored/);
  });

  it.each([
    ['an empty file', 'empty.txt', '', /empty/],
    ['a binary file', 'blob.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['a file over MAX_ARTICLE_BYTES', 'big.txt', 'word '.repeat(400), /MAX_ARTICLE_BYTES/],
  ])('exits non-zero with a clear message for %s and changes nothing', async (_, name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const before = await repo.countGraph();
    const r = ingestCli([file], { MAX_ARTICLE_BYTES: '1000' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(await repo.countGraph()).toEqual(before);
  });

  it('applies curation: after a merge, a new article ingested by the CLI does not bring the merged entity back', async () => {
    await repo.deleteEverything();
    const services = testServices(repo);
    try {
      const cbp = 'agency:customs-and-border-protection';
      const ice = 'agency:immigration-and-customs-enforcement';
      await services.ingest.ingest({ text: 'Border Note\n\nCustoms and Border Protection and Immigration and Customs Enforcement held a man in Texas.' });
      expect(await repo.getEntities([cbp])).toHaveLength(1);
      await services.curation.merge(ice, [cbp]);
      const file = path.join(dir, 'after-merge.txt');
      writeFileSync(file, 'Later Note\n\nCustoms and Border Protection released two men in El Paso, Texas.');
      const r = ingestCli([file]);
      expect(r.status, r.stderr).toBe(0);
      expect(await repo.getEntities([cbp])).toEqual([]);
      expect((await repo.getEntities([ice]))[0]?.articleCount).toBe(2);
    } finally {
      await services.close();
    }
  });

  it('reads feeds with --feed: items stored with progress lines, a page that is not a feed reported by name, the run goes on', async () => {
    await repo.deleteEverything();
    const site = await startFeedSite();
    try {
      // Asynchronous: the site answers from this process while the CLI runs.
      const r = await runCli([`--feed`, `${site.base}/not-a-feed.xml`, '--feed', `${site.base}/rss.xml`, '--concurrency', '2'], { ALLOW_PRIVATE_URLS: 'true' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/not-a-feed\.xml is not an RSS or Atom feed/);
      expect(r.stderr).toMatch(/missing\.html: the server answered 404/);
      expect(r.stdout).toMatch(/feed http:\S+\/rss\.xml \(Test Wire\): 3 items, 0 already stored, 3 new/);
      expect(r.stdout).toMatch(/\[1\/3\] http:\S+tajik-arrests\.html: stored/);
      expect(r.stdout).toMatch(/2 ingested, 1 refused, 1 feed error\./);
      expect((await repo.countGraph()).articles).toBe(2);
    } finally {
      await site.close();
    }
  });

  it('follows a feed with --follow: polls again with its ETag, reads nothing on 304, stops cleanly on Ctrl-C', async () => {
    await repo.deleteEverything();
    const site = await startFeedSite();
    try {
      const polls = () => site.requests.filter((q) => q.path === '/rss.xml');
      const r = await runCli(['--feed', `${site.base}/rss.xml`, '--follow', '--every', '10s'], { ALLOW_PRIVATE_URLS: 'true' }, (child) => {
        const timer = setInterval(() => {
          if (polls().length >= 2) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 200);
      });
      expect(polls()[1]?.headers['if-none-match']).toBe('"rss-v1"');
      expect(r.stdout).toMatch(/Following 1 feed every 10 s; Ctrl-C stops\./);
      expect(r.stdout).toMatch(/rss\.xml: not modified since the last poll/);
      expect(r.stdout).toMatch(/Done in [\d.]+ s: 2 stored/);
      expect((await repo.countGraph()).articles).toBe(2);
    } finally {
      await site.close();
    }
  }, 60_000);

  it('names the missing path', () => {
    const r = ingestCli([path.join(dir, 'nope.txt')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/nope\.txt: no such file/);
  });
});
