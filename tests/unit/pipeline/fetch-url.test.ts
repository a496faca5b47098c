import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, isPublicAddress } from '../../../server/src/pipeline/fetch-url.ts';
import { htmlToText } from '../../../server/src/pipeline/html-to-text.ts';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fc00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['100.64.0.1', false],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    // IPv6 forms that carry a private IPv4 address, or are not global unicast at all.
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['::a9fe:a9fe', false],
    ['::8.8.8.8', false],
    ['::ffff:169.254.169.254', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['2001:db8::1', false],
    ['ff02::1', false],
    ['::', false],
    ['100::1', false],
    ['192.0.2.1', false],
    ['198.18.0.1', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses every IPv4-mapped, IPv4-compatible, 6to4 and NAT64 form of any private IPv4 address (property)', () => {
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
    );
    fc.assert(
      fc.property(privateV4, ([a, b, c, d]) => {
        const hex = (x: number, y: number): string => ((x << 8) | y).toString(16);
        for (const form of [`${a}.${b}.${c}.${d}`, `::ffff:${a}.${b}.${c}.${d}`, `::${a}.${b}.${c}.${d}`, `::${hex(a, b)}:${hex(c, d)}`, `64:ff9b::${hex(a, b)}:${hex(c, d)}`, `2002:${hex(a, b)}:${hex(c, d)}::1`]) {
          expect(isPublicAddress(form), form).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fetchUrl refuses private addresses', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hop') res.writeHead(302, { Location: '/page' }).end();
      else if (req.url === '/big') res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(5000));
      else if (req.url === '/pdf') res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF');
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hello</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const strict = { allowPrivate: false, maxBytes: 1000, timeoutMs: 2000 };
  const open = { ...strict, allowPrivate: true };

  it.each([
    ['a loopback IP literal', () => `http://127.0.0.1:${port}/page`],
    ['a name that resolves to loopback', () => `http://localhost:${port}/page`],
    ['an IPv6 loopback literal', () => `http://[::1]:${port}/page`],
    ['an IPv4-compatible IPv6 literal of loopback', () => `http://[::127.0.0.1]:${port}/page`],
    ['an IPv4-mapped IPv6 literal of loopback', () => `http://[::ffff:7f00:1]:${port}/page`],
  ])('refuses %s', async (_, url) => {
    await expect(fetchUrl(url(), strict)).rejects.toThrow(/private or loopback.*ALLOW_PRIVATE_URLS/);
  });

  it('follows redirects (checking each hop) when private addresses are allowed', async () => {
    const page = await fetchUrl(`http://127.0.0.1:${port}/hop`, open);
    expect(page.url).toBe(`http://127.0.0.1:${port}/page`);
    expect(page.body).toBe('<p>hello</p>');
  });

  it('refuses pages over the size limit and content that is not HTML or text', async () => {
    await expect(fetchUrl(`http://127.0.0.1:${port}/big`, open)).rejects.toThrow(/over the 1000-byte limit/);
    await expect(fetchUrl(`http://127.0.0.1:${port}/pdf`, open)).rejects.toThrow(/application\/pdf is not HTML or text/);
  });
});

describe('htmlToText', () => {
  it('keeps the article and drops navigation, scripts and styles', () => {
    const page = htmlToText(
      '<html><head><title>Page</title><style>p{}</style></head><body><nav><a href="/">Home</a> <a href="/x">Sections</a></nav><article><h1>Headline here</h1><p>First paragraph of the story, long enough to count as content for the extractor to find.</p><p>Second paragraph continues the story with more words in it for good measure.</p></article><script>alert(1)</script><footer>Copyright</footer></body></html>',
    );
    expect(page.title).toBe('Page');
    expect(page.text).toMatch(/First paragraph of the story/);
    expect(page.text).toMatch(/\n\nSecond paragraph/);
    expect(page.text).not.toMatch(/alert|Sections|p\{\}/);
  });

  it('reads the site name and publication time from the page metadata, or gives null', () => {
    const story = '<article><h1>Headline</h1><p>A first paragraph of the story, long enough for the reader view to count it as content.</p></article>';
    const tagged = htmlToText(`<html><head><meta property="og:site_name" content="Harbor Ledger"><meta property="article:published_time" content="2024-06-12T08:30:00Z"></head><body>${story}</body></html>`);
    expect(tagged).toMatchObject({ source: 'Harbor Ledger', publishedAt: '2024-06-12T08:30:00Z' });
    const jsonLd = htmlToText(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Headline","datePublished":"2023-11-02","publisher":{"@type":"Organization","name":"Valley Wire"}}</script></head><body>${story}</body></html>`);
    expect(jsonLd).toMatchObject({ source: 'Valley Wire', publishedAt: '2023-11-02' });
    expect(htmlToText(`<html><body>${story}</body></html>`)).toMatchObject({ source: null, publishedAt: null });
  });
});
