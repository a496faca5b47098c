import type { ExplorerApi, SavedView } from './api.ts';
import { confirmBox } from './confirm-box.ts';
import { el } from './dom.ts';

/**
 * The saved-views panel: name and save the current view (stored in Neo4j, so colleagues see
 * it too), and open or delete saved ones. Saving over a name in use and deleting ask first.
 */
export function savedViewsPanel(savedViews: ExplorerApi['savedViews'], currentState: () => string, open: (view: SavedView) => void, say: (message: string, isError?: boolean) => void, onClose: () => void): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', onClose);
  const name = el('input', { type: 'text', 'aria-label': 'View name', placeholder: 'e.g. ICE and the Tajik cases', maxlength: '80' });
  const form = el('form', { class: 'inline' }, name, el('button', { type: 'submit' }, 'Save view'));
  const list = el('ul', { class: 'saved-views' }, el('li', { class: 'meta' }, 'Loading…'));
  const fail = (err: unknown): void => say(err instanceof Error ? err.message : String(err), true);
  let known: SavedView[] = [];
  /** One confirmation at a time, under `anchor`. */
  const ask = (anchor: HTMLElement, preview: string, label: string, run: () => void): void => {
    for (const open of form.parentElement?.querySelectorAll('.confirm') ?? []) open.remove();
    anchor.after(confirmBox([preview], label, run, () => undefined));
  };

  const refresh = (): void => {
    savedViews.list().then((views) => {
      known = views;
      list.replaceChildren(
        ...(views.length > 0
          ? views.map((v) => {
              const openButton = el('button', { type: 'button', class: 'link' }, v.name);
              openButton.addEventListener('click', () => open(v));
              const del = el('button', { type: 'button', 'aria-label': `Delete view ${v.name}` }, 'Delete');
              const item = el('li', {}, openButton, el('span', { class: 'meta' }, ` ${v.savedAt.slice(0, 16).replace('T', ' ')} `), del);
              del.addEventListener('click', () =>
                ask(item, `Delete the view “${v.name}”? It goes for everyone using this database.`, 'Confirm delete', () =>
                  savedViews.remove(v.name).then(() => {
                    say(`Deleted view “${v.name}”.`);
                    refresh();
                  }, fail),
                ),
              );
              return item;
            })
          : [el('li', { class: 'meta' }, 'No saved views yet.')]),
      );
    }, fail);
  };
  const save = (chosen: string): void => {
    savedViews.save(chosen, currentState()).then((v) => {
      say(`Saved view “${v.name}”.`);
      name.value = '';
      refresh();
    }, fail);
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = name.value.trim();
    if (!chosen) return;
    const existing = known.find((v) => v.name === chosen);
    if (!existing) save(chosen);
    else ask(form, `A view called “${chosen}” already exists (saved ${existing.savedAt.slice(0, 16).replace('T', ' ')}). Replace it with what is on screen now?`, 'Confirm replace', () => save(chosen));
  });
  refresh();
  return [close, el('h2', {}, 'Saved views'), el('p', { class: 'meta' }, 'Views are stored in the graph database, for everyone using it.'), form, list];
}
