import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';
import { PAGE_SECURITY_HEADERS } from './static-files.ts';

type GraphiQLOptions = Parameters<typeof renderGraphiQL>[0];

/**
 * GraphiQL served from the installed `@graphql-yoga/render-graphiql` (yoga's own page loads its
 * code from unpkg.com, so it did not work offline), with the explorer's page headers and a
 * Content-Security-Policy that allows exactly the page's one inline script (by its SHA-256), its
 * editor workers (blob: URLs) and requests to this origin only: nothing comes from another host.
 */
export function offlineGraphiql(): { render: (opts: GraphiQLOptions) => string; plugin: Plugin } {
  // The page (~9 MB, its code inlined) depends only on the options, which are the same for every
  // request of one server: rendered and hashed once per distinct options, not per request.
  const pages = new Map<string, string>();
  const hashes = new Set<string>();
  const render = (opts: GraphiQLOptions): string => {
    const key = JSON.stringify(opts ?? {});
    let html = pages.get(key);
    if (html === undefined) {
      html = renderGraphiQL(opts);
      for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
        hashes.add(`'sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}'`);
      }
      pages.set(key, html);
    }
    return html;
  };
  const plugin: Plugin = {
    onResponse({ response }) {
      if (!response.headers.get('content-type')?.includes('text/html') || hashes.size === 0) return;
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.headers.set(name, value);
      response.headers.set(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self' ${[...hashes].join(' ')}; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`,
      );
    },
  };
  return { render, plugin };
}
