import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError, badInput } from '../domain/errors.ts';

/** Limits and policy for fetching articles by URL. */
export interface FetchPolicy {
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

/** A fetched page. */
export interface FetchedPage {
  url: string;
  contentType: string;
  body: string;
  /** The validators to send next time (conditional requests), when the server gave them. */
  etag: string | null;
  lastModified: string | null;
  /** True when the server answered 304 to a conditional request: `body` is empty. */
  notModified: boolean;
}

/** What to fetch: an article page (the default) or a feed, optionally only if changed since. */
export interface FetchOptions {
  kind?: 'page' | 'feed';
  etag?: string | null;
  lastModified?: string | null;
}

const KINDS = {
  page: { accept: 'text/html,text/plain;q=0.9', allowed: /^(text\/(html|plain)|application\/xhtml\+xml)/i, what: 'HTML or text' },
  // Feeds are served under many types (application/rss+xml, text/xml, even text/html): the parser judges the body.
  feed: { accept: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1', allowed: /^(text\/|application\/([\w.+-]*\+)?xml)/i, what: 'a feed (XML)' },
} as const;

/** IPv6 global unicast: the only IPv6 block a news site can be on. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** Blocks inside 2000::/3 that embed an IPv4 address or are not routed on the internet. */
const REFUSED_V6 = ['2002::/16', '2001::/32', '2001:db8::/32', '2001:2::/48', '2001:10::/28', '2001:20::/28', '3fff::/20'].map((c) => ipaddr.parseCIDR(c));

/**
 * Whether an address may be fetched, by allow-list: IPv4 only in ipaddr.js's "unicast" range
 * (not private, loopback, link-local, shared, multicast, reserved, documentation…); IPv6 only
 * in global unicast 2000::/3 outside 6to4, Teredo and documentation blocks. IPv4-mapped IPv6
 * (::ffff:a.b.c.d) is judged as the IPv4 it maps; IPv4-compatible (::a.b.c.d), NAT64 and every
 * other form outside 2000::/3 are refused, whatever IPv4 they embed.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  // ipaddr.js reads "::a.b.c.d" (IPv4-compatible) as if it were "::ffff:a.b.c.d" (mapped).
  if (address.includes('.') && !/^(0{0,4}:){0,5}:?ffff:\d/i.test(address.replace(/^\[|\]$/g, ''))) return false;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
  if (!v6.match(GLOBAL_UNICAST_V6)) return false;
  if (REFUSED_V6.some((cidr) => v6.match(cidr))) return false;
  return v6.range() === 'unicast';
}

/**
 * Resolves like dns.lookup but refuses any non-public address. Because it is the connect-time
 * lookup, the address checked is the address connected to: a DNS answer that changes between
 * check and connect (rebinding) cannot slip through.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`refused address ${bad.address}`), { code: 'EPRIVATE' }), '', 0);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Fetches a page for ingestion: http/https only, private and loopback addresses refused
 * (after DNS resolution, and again on every redirect), bounded in size and time.
 */
export async function fetchUrl(raw: string, policy: FetchPolicy, options: FetchOptions = {}): Promise<FetchedPage> {
  let url = parseUrl(raw);
  for (let hop = 0; hop <= (policy.maxRedirects ?? 5); hop++) {
    const res = await request(url, policy, options);
    if (res.redirect) {
      url = parseUrl(new URL(res.redirect, url).toString());
      continue;
    }
    return { url: url.toString(), contentType: res.contentType, body: res.body, etag: res.etag, lastModified: res.lastModified, notModified: res.notModified };
  }
  throw badInput(`${raw}: too many redirects.`);
}

/** Parses an article or feed address: http/https only, no credentials; refused naming the problem. */
export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput(`url "${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(`url must be http or https; got ${url.protocol.replace(':', '')}.`);
  if (url.username || url.password) throw badInput('url must not contain credentials.');
  return url;
}

interface RawResponse {
  redirect?: string;
  contentType: string;
  body: string;
  etag: string | null;
  lastModified: string | null;
  notModified: boolean;
}

function request(url: URL, policy: FetchPolicy, options: FetchOptions): Promise<RawResponse> {
  const kind = KINDS[options.kind ?? 'page'];
  const headers: Record<string, string> = { 'User-Agent': 'Newsgraph/0.1 (+article ingest)', Accept: kind.accept };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  // A literal IP skips DNS lookup entirely, so check it here too.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !policy.allowPrivate && !isPublicAddress(host)) {
    return Promise.reject(badInput(`url ${url.host} is a private or loopback address; refused (set ALLOW_PRIVATE_URLS=true for local testing).`));
  }
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      { lookup: guardedLookup(policy.allowPrivate), timeout: policy.timeoutMs, headers },
      (res) => {
        const status = res.statusCode ?? 0;
        const etag = typeof res.headers.etag === 'string' ? res.headers.etag : null;
        const lastModified = typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : null;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ redirect: res.headers.location, contentType: '', body: '', etag: null, lastModified: null, notModified: false });
          return;
        }
        if (status === 304) {
          res.resume();
          resolve({ contentType: '', body: '', etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null, notModified: true });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          reject(badInput(`${url}: the server answered ${status}.`));
          return;
        }
        const contentType = String(res.headers['content-type'] ?? '');
        if (contentType && !kind.allowed.test(contentType)) {
          res.resume();
          reject(badInput(`${url}: content type ${contentType} is not ${kind.what}.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            req.destroy();
            reject(badInput(`${url}: the page is over the ${policy.maxBytes}-byte limit (MAX_ARTICLE_BYTES).`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ contentType, body: Buffer.concat(chunks).toString('utf8'), etag, lastModified, notModified: false }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof AppError) return reject(err);
      if (err.code === 'EPRIVATE') {
        return reject(badInput(`url ${url.host} resolves to a private or loopback address; refused (set ALLOW_PRIVATE_URLS=true for local testing).`));
      }
      if (err.code === 'ETIMEDOUT') return reject(badInput(`${url}: no answer within ${policy.timeoutMs / 1000} s.`));
      reject(badInput(`${url}: could not fetch (${err.code ?? err.message}).`));
    });
  });
}
