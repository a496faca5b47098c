import type { Entity } from './api.ts';
import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

/** Wiring for the search combobox. */
export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  search: (query: string) => Promise<Entity[]>;
  /** `replace`: start a new view with it (Shift held) instead of adding it to the view. */
  onChoose: (entity: Entity, replace: boolean) => void;
  onError: (message: string) => void;
}

/**
 * A keyboard-driven combobox: type to search (debounced), arrows to move, Enter to choose
 * (Shift+Enter or Shift+click to start a new view with it), Escape to close. Results show the type and how many articles mention each entity.
 */
export function mountSearchBox(opts: SearchBoxOptions): void {
  const { input, list } = opts;
  let results: Entity[] = [];
  let active = -1;
  let timer: number | undefined;
  let seq = 0;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = (query: string): void => {
    list.replaceChildren();
    if (results.length === 0) {
      list.append(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, `No entity matches “${query}”.`));
    }
    const hint = el('li', { class: 'hint', role: 'presentation' }, 'Enter adds to the view · Shift+Enter starts a new view');
    results.forEach((e, i) => {
      const style = TYPE_STYLES[e.type];
      const item = el(
        'li',
        { id: `search-option-${i}`, role: 'option', 'aria-selected': String(i === active), 'data-id': e.id },
        el('span', { class: 'swatch', style: `background:${style.color}`, 'aria-hidden': 'true' }),
        el('span', { class: 'name' }, e.name),
        el('span', { class: 'type' }, `${style.label} · ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`),
      );
      item.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i, ev.shiftKey);
      });
      list.append(item);
    });
    if (results.length > 0) list.append(hint);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const choose = (i: number, replace: boolean): void => {
    const e = results[i];
    if (!e) return;
    input.value = e.name;
    close();
    opts.onChoose(e, replace);
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const mine = ++seq;
    if (query.length === 0) {
      results = [];
      close();
      return;
    }
    try {
      const found = await opts.search(query);
      if (mine !== seq) return; // a newer keystroke already asked again
      results = found;
      active = found.length > 0 ? 0 : -1;
      render(query);
    } catch (err) {
      opts.onError(err instanceof Error ? err.message : String(err));
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) {
        void run();
        return;
      }
      if (results.length === 0) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      render(input.value.trim());
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0) choose(active, ev.shiftKey);
      else void run();
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
}
