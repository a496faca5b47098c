import { ingestArticle, ingestFeed, type IngestSummary } from './api.ts';
import { el } from './dom.ts';

const ACCEPTED = /\.(txt|md|html?)$/i;

/**
 * The ingest panel: paste text, drop or pick .txt/.md/.html files, give a URL, or a feed's URL
 * (its new items are read server-side). Each article is sent on its own; the list shows progress
 * and what was found, or why it was refused.
 */
export function ingestPanel(onDone: (results: IngestSummary[]) => void, onClose: () => void): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', onClose);
  const text = el('textarea', { id: 'ingest-text', rows: '6', placeholder: 'Paste an article: first line is the title.', 'aria-label': 'Article text' });
  const url = el('input', { id: 'ingest-url', type: 'url', placeholder: 'https://…', 'aria-label': 'Article URL' });
  const feed = el('input', { id: 'ingest-feed', type: 'url', placeholder: 'https://…/rss.xml', 'aria-label': 'Feed URL' });
  const files = el('input', { id: 'ingest-files', type: 'file', multiple: '', accept: '.txt,.md,.html,.htm', 'aria-label': 'Article files' });
  const drop = el('div', { class: 'dropzone' }, 'Drop .txt, .md or .html files here, or ', files);
  const progress = el('ol', { class: 'progress', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit' }, 'Add to graph');
  const form = el('form', { class: 'ingest' }, el('label', {}, 'Text', text), el('label', {}, 'URL', url), el('label', {}, 'RSS or Atom feed', feed), drop, submit, progress);

  let dropped: File[] = [];
  drop.addEventListener('dragover', (ev) => ev.preventDefault());
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    dropped = [...(ev.dataTransfer?.files ?? [])].filter((f) => ACCEPTED.test(f.name));
    drop.firstChild!.textContent = `${dropped.length} file${dropped.length === 1 ? '' : 's'} ready — or `;
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      const jobs: Array<{ label: string; input: () => Promise<Parameters<typeof ingestArticle>[0]> }> = [];
      if (text.value.trim()) jobs.push({ label: 'Pasted text', input: async () => ({ text: text.value }) });
      if (url.value.trim()) jobs.push({ label: url.value.trim(), input: async () => ({ url: url.value.trim() }) });
      for (const f of [...(files.files ?? []), ...dropped].filter((x) => ACCEPTED.test(x.name))) {
        jobs.push({ label: f.name, input: async () => (/\.html?$/i.test(f.name) ? { html: await f.text(), source: f.name } : { text: await f.text(), source: f.name }) });
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
          const r = await ingestArticle(await job.input());
          done.push(r);
          const what = r.created ? 'added' : r.reprocessed ? 're-processed' : 'already in the graph';
          line.textContent = `${i + 1}/${jobs.length} “${r.article.title}”: ${what} · ${r.entityCount} entities · ${r.relationCount} links`;
        } catch (err) {
          line.className = 'error';
          line.textContent = `${i + 1}/${jobs.length} ${job.label}: ${err instanceof Error ? err.message : String(err)}`;
        }
      }
      if (feedUrl) {
        const line = el('li', {}, `Feed ${feedUrl}: reading its items…`);
        progress.append(line);
        try {
          const r = await ingestFeed(feedUrl);
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
