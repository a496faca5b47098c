import type { IncomingMessage } from 'node:http';

/** Which hosts and origins may talk to this server. */
export interface OriginPolicy {
  /** Host names (no port) the server answers to: loopback names plus PUBLIC_HOST. */
  allowedHosts: ReadonlySet<string>;
  /** Other origins allowed to call the API from a browser (CORS_ORIGINS, exact match). */
  corsOrigins: ReadonlySet<string>;
}

/** The verdict on one request. */
export type OriginVerdict = { ok: true } | { ok: false; status: 403; message: string };

/** The names a local server is always reachable by. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The policy for a server: loopback names, PUBLIC_HOST names, CORS_ORIGINS origins. */
export function originPolicy(publicHosts: readonly string[], corsOrigins: readonly string[]): OriginPolicy {
  return {
    allowedHosts: new Set([...LOOPBACK_HOSTS, ...publicHosts.map((h) => h.toLowerCase())]),
    corsOrigins: new Set(corsOrigins.map((o) => o.replace(/\/$/, '').toLowerCase())),
  };
}

/** The host name of a Host header value ("[::1]:4000" → "[::1]"), lower-cased, no trailing dot. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Same-origin by default. The Host header must name this server (so a page whose DNS name was
 * rebound to 127.0.0.1 is refused), and a request that carries an Origin must come from this
 * server's own origin or from one listed in CORS_ORIGINS (so another site's page cannot send
 * mutations, even "simple" ones a browser sends without asking first).
 */
export function checkOrigin(req: IncomingMessage, policy: OriginPolicy): OriginVerdict {
  const host = req.headers.host ?? '';
  if (!policy.allowedHosts.has(hostName(host))) {
    return { ok: false, status: 403, message: `Host "${host.slice(0, 100)}" is not served here; set PUBLIC_HOST to the name clients use.` };
  }
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true };
  if (policy.corsOrigins.has(origin.toLowerCase())) return { ok: true };
  if (sameOrigin(origin, host)) return { ok: true };
  return { ok: false, status: 403, message: `Requests from origin "${origin.slice(0, 100)}" are not allowed; list it in CORS_ORIGINS to allow it.` };
}

/** Whether an Origin header names the host (and port) the request was sent to. */
function sameOrigin(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // Behind a TLS proxy the scheme differs from ours; the host and port still match.
  return url.host.toLowerCase() === normaliseHost(host, url.protocol);
}

/** A Host header as URL.host would write it (default ports dropped). */
function normaliseHost(host: string, protocol: string): string {
  try {
    return new URL(`${protocol}//${host}`).host.toLowerCase();
  } catch {
    return '';
  }
}
