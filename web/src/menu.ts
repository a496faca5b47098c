import { el } from './dom.ts';

/** One choice in a menu. */
export interface MenuItem {
  value: string;
  label: string;
}

/**
 * A menu button (not a combobox, so the search box stays the page's only combobox): click or
 * Enter opens it, arrows move, Enter picks, Escape closes and returns focus to the button.
 */
export function mountMenu(button: HTMLButtonElement, items: MenuItem[], onPick: (value: string) => void): void {
  const menu = el('ul', { role: 'menu', class: 'menu', hidden: '' });
  const entries = items.map((item) => {
    const li = el('li', { role: 'menuitem', tabindex: '-1', 'data-value': item.value }, item.label);
    li.addEventListener('click', () => pick(item.value));
    return li;
  });
  menu.append(...entries);
  button.after(menu);
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');

  const close = (focusButton: boolean): void => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  };
  const openMenu = (): void => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    entries[0]?.focus();
  };
  const pick = (value: string): void => {
    close(true);
    onPick(value);
  };
  button.addEventListener('click', () => (menu.hidden ? openMenu() : close(false)));
  menu.addEventListener('keydown', (ev) => {
    const i = entries.indexOf(document.activeElement as HTMLLIElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      entries[(i + (ev.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length]?.focus();
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      const v = entries[i]?.dataset.value;
      if (v) pick(v);
    } else if (ev.key === 'Escape') {
      close(true);
    }
  });
  document.addEventListener('click', (ev) => {
    if (!menu.hidden && ev.target !== button && !menu.contains(ev.target as Node)) close(false);
  });
}
