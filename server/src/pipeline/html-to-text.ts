import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

/** The readable part of an HTML page. */
export interface PageText {
  title: string | null;
  text: string;
  /** The site's name from its metadata (og:site_name, JSON-LD publisher), if it gives one. */
  source: string | null;
  /** The publication time from its metadata (article:published_time, JSON-LD datePublished), as written. */
  publishedAt: string | null;
}

/**
 * Extracts the main text of an HTML page with Mozilla's Readability over a server-side DOM.
 * JSDOM runs no scripts and loads no resources unless told to, and we tell it neither.
 * Paragraph breaks are kept so sentence splitting still sees them.
 */
export function htmlToText(html: string, url?: string): PageText {
  const virtualConsole = new VirtualConsole(); // swallow CSS/parse noise instead of printing it
  const dom = new JSDOM(html, { ...(url ? { url } : {}), virtualConsole });
  const doc = dom.window.document;
  const pageTitle = doc.querySelector('title')?.textContent?.trim() || null;
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  const root = article?.content ? new JSDOM(article.content, { virtualConsole }).window.document.body : doc.body;
  for (const drop of root?.querySelectorAll('script, style, noscript, template') ?? []) drop.remove();
  const blocks = [...(root?.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, figcaption, pre, td') ?? [])]
    .filter((el) => !el.querySelector('p, li, h1, h2, h3, h4'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const text = blocks.length > 0 ? blocks.join('\n\n') : (root?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  dom.window.close();
  return { title: article?.title?.trim() || pageTitle, text, source: article?.siteName?.trim() || null, publishedAt: article?.publishedTime?.trim() || null };
}
