import type { ExplorerApi, SavedView } from './api.ts';
import { el } from './dom.ts';

/**
 * The saved-views panel: name and save the current view (stored in Neo4j, so colleagues see
 * it too), and open or delete saved ones.
 */
export function savedViewsPanel(savedViews: ExplorerApi['savedViews'], currentState: () => string, open: (view: SavedView) => void, say: (message: string, isError?: boolean) => void, onClose: () => void): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', onClose);
  const name = el('input', { type: 'text', 'aria-label': 'View name', placeholder: 'e.g. ICE and the Tajik cases', maxlength: '80' });
  const form = el('form', { class: 'inline' }, name, el('button', { type: 'submit' }, 'Save view'));
  const list = el('ul', { class: 'saved-views' }, el('li', { class: 'meta' }, 'Loading…'));
  const fail = (err: unknown): void => say(err instanceof Error ? err.message : String(err), true);

  const refresh = (): void => {
    savedViews.list().then((views) => {
      list.replaceChildren(
        ...(views.length > 0
          ? views.map((v) => {
              const openButton = el('button', { type: 'button', class: 'link' }, v.name);
              openButton.addEventListener('click', () => open(v));
              const del = el('button', { type: 'button', 'aria-label': `Delete view ${v.name}` }, 'Delete');
              del.addEventListener('click', () => savedViews.remove(v.name).then(refresh, fail));
              return el('li', {}, openButton, el('span', { class: 'meta' }, ` ${v.savedAt.slice(0, 16).replace('T', ' ')} `), del);
            })
          : [el('li', { class: 'meta' }, 'No saved views yet.')]),
      );
    }, fail);
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!name.value.trim()) return;
    savedViews.save(name.value.trim(), currentState()).then((v) => {
      say(`Saved view “${v.name}”.`);
      name.value = '';
      refresh();
    }, fail);
  });
  refresh();
  return [close, el('h2', {}, 'Saved views'), el('p', { class: 'meta' }, 'Views are stored in the graph database, for everyone using it.'), form, list];
}
