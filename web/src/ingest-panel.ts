import type { ArticleFields, ExplorerApi, IngestSummary } from './api.ts';
import { el } from './dom.ts';
import { splitFrontMatter } from '../../server/src/pipeline/front-matter.ts';

const ACCEPTED = /\.(txt|md|html?)$/i;

/** What a page says about itself: og:site_name and article:published_time (or their usual kin). */
function htmlMetadata(html: string): { source?: string; publishedAt?: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const meta = (...names: string[]) => {
    for (const n of names) {
      const v = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`)?.getAttribute('content')?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const source = meta('og:site_name', 'application-name');
  const published = meta('article:published_time', 'datePublished', 'pubdate', 'date');
  return { ...(source ? { source } : {}), ...(published ? { publishedAt: published } : {}) };
}

/** The date part (YYYY-MM-DD) of a timestamp, for a date input; undefined when it is not one. */
function dateOnly(value: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return m?.[1];
}

/** A file as an article input: front matter (.md/.txt) or page metadata (.html) over the panel's defaults. */
async function fileInput(file: File, defaults: ArticleFields): Promise<Parameters<ExplorerApi['ingestArticle']>[0]> {
  const body = await file.text();
  if (/\.html?$/i.test(file.name)) {
    // The page's own metadata wins: leave those fields out and the server reads them (Readability).
    const own = htmlMetadata(body);
    const left = Object.fromEntries(Object.entries(defaults).filter(([k]) => !(k in own)));
    return { ...left, html: body };
  }
  const { fields, body: text } = splitFrontMatter(body, file.name);
  const own = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { ...defaults, ...own, text };
}

/**
 * The ingest panel: paste text, drop or pick .txt/.md/.html files, give a URL, or a feed's URL
 * (its new items are read server-side). Title, source and published date go with the pasted text
 * or the URL; source and date are also the default for files whose front matter or metadata
 * lacks them. A URL with pasted text is recorded as where the text came from, not fetched.
 * One HTML file or a front-matter file picked alone (no text, no URL) pre-fills the empty fields
 * from its metadata.
 * Each article is sent on its own; the list shows progress and what was found, or why it was refused.
 */
export function ingestPanel(api: Pick<ExplorerApi, 'ingestArticle' | 'ingestFeed'>, onDone: (results: IngestSummary[]) => void, onClose: () => void): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', onClose);
  const text = el('textarea', { id: 'ingest-text', rows: '6', placeholder: 'Paste an article: first line is the title.', 'aria-label': 'Article text' });
  const url = el('input', { id: 'ingest-url', type: 'url', placeholder: 'https://…', 'aria-label': 'Article URL' });
  const title = el('input', { id: 'ingest-title', type: 'text', placeholder: 'First line of the text, or the page title', 'aria-label': 'Title' });
  const source = el('input', { id: 'ingest-source', type: 'text', placeholder: 'Outlet, e.g. Reuters', 'aria-label': 'Source' });
  const published = el('input', { id: 'ingest-published', type: 'date', 'aria-label': 'Published' });
  const feed = el('input', { id: 'ingest-feed', type: 'url', placeholder: 'https://…/rss.xml', 'aria-label': 'Feed URL' });
  const files = el('input', { id: 'ingest-files', type: 'file', multiple: '', accept: '.txt,.md,.html,.htm', 'aria-label': 'Article files' });
  const drop = el('div', { class: 'dropzone' }, 'Drop .txt, .md or .html files here, or ', files);
  const hint = el('p', { class: 'hint' }, 'A URL alone is fetched; with pasted text it is only recorded as the source address.');
  const progress = el('ol', { class: 'progress', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit' }, 'Add to graph');
  const meta = el('fieldset', { class: 'meta-fields' }, el('legend', {}, 'About the article'), el('label', {}, 'Title', title), el('label', {}, 'Source', source), el('label', {}, 'Published', published));
  const form = el('form', { class: 'ingest' }, el('label', {}, 'Text', text), el('label', {}, 'URL', url), hint, meta, el('label', {}, 'RSS or Atom feed', feed), drop, submit, progress);

  /** Fills the empty fields from one file's own metadata, so the analyst sees and can correct them. */
  const prefill = async (picked: File[]) => {
    // With pasted text or a URL the fields describe that article: leave them to the analyst.
    if (picked.length !== 1 || text.value.trim() || url.value.trim()) return;
    const file = picked[0] as File;
    const body = await file.text();
    let found: ArticleFields = {};
    if (/\.html?$/i.test(file.name)) found = htmlMetadata(body);
    else {
      try {
        found = splitFrontMatter(body, file.name).fields as ArticleFields;
      } catch {
        return; // refused with its reason when added
      }
    }
    if (!source.value && found.source) source.value = found.source;
    const day = dateOnly(found.publishedAt ?? undefined);
    if (!published.value && day) published.value = day;
  };

  let dropped: File[] = [];
  drop.addEventListener('dragover', (ev) => ev.preventDefault());
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    dropped = [...(ev.dataTransfer?.files ?? [])].filter((f) => ACCEPTED.test(f.name));
    drop.firstChild!.textContent = `${dropped.length} file${dropped.length === 1 ? '' : 's'} ready — or `;
    void prefill(dropped);
  });
  files.addEventListener('change', () => void prefill([...(files.files ?? [])]));

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      const defaults: ArticleFields = {
        ...(source.value.trim() ? { source: source.value.trim() } : {}),
        ...(published.value ? { publishedAt: published.value } : {}),
      };
      const own: ArticleFields = { ...defaults, ...(title.value.trim() ? { title: title.value.trim() } : {}) };
      const jobs: Array<{ label: string; input: () => Promise<Parameters<ExplorerApi['ingestArticle']>[0]> }> = [];
      const address = url.value.trim();
      if (text.value.trim()) jobs.push({ label: 'Pasted text', input: async () => ({ ...own, text: text.value, ...(address ? { url: address } : {}) }) });
      else if (address) jobs.push({ label: address, input: async () => ({ ...own, url: address }) });
      for (const f of [...(files.files ?? []), ...dropped].filter((x) => ACCEPTED.test(x.name))) {
        jobs.push({ label: f.name, input: () => fileInput(f, defaults) });
      }
      const feedUrl = feed.value.trim();
      if (jobs.length === 0 && !feedUrl) {
        progress.replaceChildren(el('li', { class: 'error' }, 'Nothing to add: paste text, give a URL or a feed, or choose files.'));
        return;
      }
      submit.disabled = true;
      progress.replaceChildren();
      const done: IngestSummary[] = [];
      for (const [i, job] of jobs.entries()) {
        const line = el('li', {}, `${i + 1}/${jobs.length} ${job.label}: working…`);
        progress.append(line);
        try {
          const r = await api.ingestArticle(await job.input());
          done.push(r);
          const what = r.created ? 'added' : r.reprocessed ? 're-processed' : r.duplicateOf ? 'the same story as this stored article, not added again' : 'already in the graph';
          const from = [r.article.source, r.article.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
          line.textContent = `${i + 1}/${jobs.length} “${r.article.title}”${from ? ` (${from})` : ''}: ${what} · ${r.entityCount} entities · ${r.relationCount} links`;
        } catch (err) {
          line.className = 'error';
          line.textContent = `${i + 1}/${jobs.length} ${job.label}: ${err instanceof Error ? err.message : String(err)}`;
        }
      }
      if (feedUrl) {
        const line = el('li', {}, `Feed ${feedUrl}: reading its items…`);
        progress.append(line);
        try {
          const r = await api.ingestFeed(feedUrl);
          const added = r.results.flatMap((x) => (x.result ? [x.result] : []));
          done.push(...added);
          const left = r.remaining > 0 ? ` · ${r.remaining} more: add the feed again` : '';
          line.textContent = `Feed “${r.title ?? feedUrl}”: ${added.length} added · ${r.known} already in the graph · ${r.items} items${left}`;
          for (const bad of r.results.filter((x) => x.error)) progress.append(el('li', { class: 'error' }, `${bad.url}: ${bad.error ?? ''}`));
        } catch (err) {
          line.className = 'error';
          line.textContent = `Feed ${feedUrl}: ${err instanceof Error ? err.message : String(err)}`;
        }
      }
      submit.disabled = false;
      onDone(done);
    })();
  });
  return [close, el('h2', {}, 'Add articles'), form];
}
