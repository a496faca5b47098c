import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Article pages of the test site, written for the tests: path → [headline, paragraphs]. */
const PAGES: Record<string, [string, string[]]> = {
  '/news/tajik-arrests.html': [
    'Agents detain three Tajik men in Denver',
    [
      'Immigration and Customs Enforcement officers detained three Tajik nationals in Denver on Monday, the agency said in a statement.',
      'The men had entered the United States through the southern border in 2023 and were released while their asylum claims were pending.',
      'A spokesperson for the Department of Homeland Security said the arrests followed a review of their vetting records.',
    ],
  ],
  '/news/uzbek-charged.html': [
    'Uzbek national charged in Houston',
    [
      'Federal prosecutors in Houston charged an Uzbek national with lying to immigration officials, court filings show.',
      'The FBI said the man had been under investigation since last spring after a tip from a foreign partner.',
      'He remains in the custody of Immigration and Customs Enforcement pending a detention hearing.',
    ],
  ],
  '/news/border-report.html': [
    'Border agency releases quarterly figures',
    [
      'Customs and Border Protection published its quarterly report on Thursday, listing encounters at ports of entry in Texas and Arizona.',
      'The report said screening against the terrorist watchlist flagged a small number of travellers from Afghanistan and Uzbekistan.',
    ],
  ],
};

function page(path: string): string {
  const [title, paras] = PAGES[path] ?? ['', []];
  return `<!doctype html><html><head><title>${title} | Test Wire</title><meta property="article:published_time" content="2024-06-11T09:00:00Z"></head><body><nav>Home · World · Sport</nav><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Test Wire</footer></body></html>`;
}

const RSS = (base: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link><description>Our test news</description>
<item><title>Agents detain three Tajik men in Denver</title><link>${base}/news/tajik-arrests.html</link><guid>${base}/news/tajik-arrests.html</guid><pubDate>Tue, 11 Jun 2024 09:00:00 GMT</pubDate></item>
<item><title>Uzbek national charged in Houston</title><link>/news/uzbek-charged.html</link><pubDate>Wed, 12 Jun 2024 14:30:00 GMT</pubDate></item>
<item><title>A page that is gone</title><link>${base}/news/missing.html</link><pubDate>Wed, 12 Jun 2024 15:00:00 GMT</pubDate></item>
<item><title>An item with no link</title><description>Nothing to fetch.</description></item>
</channel></rss>`;

const ATOM = (base: string): string => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Desk</title><id>${base}/atom.xml</id><updated>2024-06-13T08:00:00Z</updated>
<entry><title>Border agency releases quarterly figures</title><id>urn:test:border-report</id><link rel="alternate" href="${base}/go/border-report"/><published>2024-06-13T08:00:00Z</published><updated>2024-06-13T08:00:00Z</updated></entry>
<entry><title>Agents detain three Tajik men in Denver</title><id>urn:test:tajik</id><link href="${base}/news/tajik-arrests.html"/><updated>2024-06-11T09:00:00Z</updated></entry>
</feed>`;

/** A request the site received: path and the headers that matter for conditional requests. */
export interface SiteRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A local news site: /rss.xml (RSS 2.0), /atom.xml (Atom), /not-a-feed.xml, article pages, and /go/NAME redirecting to /news/NAME.html. */
export interface FeedSite {
  base: string;
  requests: SiteRequest[];
  /** Makes /rss.xml answer 500 (an outage) until called with false. */
  failFeed(fail: boolean): void;
  close(): Promise<void>;
}

/** Starts the site on a free loopback port. The RSS feed honours If-None-Match and If-Modified-Since. */
export async function startFeedSite(): Promise<FeedSite> {
  const requests: SiteRequest[] = [];
  let failing = false;
  const etag = '"rss-v1"';
  const lastModified = 'Wed, 12 Jun 2024 15:00:00 GMT';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers });
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (path === '/rss.xml') {
      if (failing) return void res.writeHead(500).end('down');
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) return void res.writeHead(304, { ETag: etag }).end();
      return void res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Last-Modified': lastModified }).end(RSS(base));
    }
    if (path === '/atom.xml') return void res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(ATOM(base));
    if (path === '/not-a-feed.xml') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body><p>Welcome to our home page.</p></body></html>');
    // A feed link that redirects to the page (as trackers and short links do).
    if (path.startsWith('/go/')) return void res.writeHead(301, { Location: `/news/${path.slice(4)}.html` }).end();
    if (PAGES[path]) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(path));
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    failFeed: (fail) => {
      failing = fail;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
