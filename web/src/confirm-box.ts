import { el } from './dom.ts';

/**
 * An inline confirmation: what will change, then a button that does it and one that does not.
 * Inline rather than `window.confirm`, so the preview can be rich, nothing blocks the page, and
 * the analyst can still look at the graph before deciding. The confirm button takes focus.
 */
export function confirmBox(preview: Array<Node | string>, confirmLabel: string, onConfirm: () => void, onCancel: () => void): HTMLElement {
  const yes = el('button', { type: 'button', class: 'confirm-yes' }, confirmLabel);
  const no = el('button', { type: 'button' }, 'Cancel');
  const box = el('div', { class: 'confirm', role: 'alertdialog', 'aria-label': confirmLabel }, el('p', {}, ...preview), el('p', { class: 'actions' }, yes, no));
  yes.addEventListener('click', () => {
    box.remove();
    onConfirm();
  });
  no.addEventListener('click', () => {
    box.remove();
    onCancel();
  });
  queueMicrotask(() => yes.focus());
  return box;
}
