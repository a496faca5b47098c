import type { CurationOutcome, Decision, ExplorerApi } from './api.ts';
import { confirmBox } from './confirm-box.ts';
import { el } from './dom.ts';

/** What the history panel tells the page. */
export interface HistoryHooks {
  /** A decision was undone: refresh what it touched. */
  undone: (message: string, outcome: CurationOutcome) => void;
  failed: (message: string) => void;
  onClose: () => void;
}

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/**
 * The decision log: every curation decision, newest first, with what it did and when; any one
 * not yet undone can be undone (after a confirmation), not only the last.
 */
export function historyPanel(curate: Pick<ExplorerApi['curate'], 'history' | 'undo'>, hooks: HistoryHooks): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', hooks.onClose);
  const list = el('ol', { class: 'history' }, el('li', { class: 'meta' }, 'Loading…'));
  const fail = (err: unknown): void => hooks.failed(err instanceof Error ? err.message : String(err));

  const line = (d: Decision): HTMLElement => {
    const item = el('li', { class: d.undone ? 'undone' : '' }, el('span', {}, d.summary), el('br'), el('span', { class: 'meta' }, `${when(d.createdAt)}${d.undone ? ' · undone' : ''}`));
    if (!d.undone) {
      const undo = el('button', { type: 'button', 'aria-label': `Undo: ${d.summary}` }, 'Undo');
      undo.addEventListener('click', () => {
        for (const open of list.querySelectorAll('.confirm')) open.remove();
        item.append(
          confirmBox(
            [`Undo “${d.summary}”? The entities it touched go back to how they were before it; later decisions stay.`],
            'Confirm undo',
            () =>
              curate.undo(d.id).then((outcome) => {
                hooks.undone(`Undone: ${d.summary}.`, outcome);
                refresh();
              }, fail),
            () => undefined,
          ),
        );
      });
      item.append(' ', undo);
    }
    return item;
  };

  const refresh = (): void => {
    curate.history().then((decisions) => {
      list.replaceChildren(...(decisions.length > 0 ? decisions.map(line) : [el('li', { class: 'meta' }, 'No curation decisions yet: merges, splits, renames and type changes show up here.')]));
    }, fail);
  };
  refresh();
  return [close, el('h2', {}, 'Curation history'), el('p', { class: 'meta' }, 'Every merge, split, rename and type change, newest first. Decisions are stored in the graph and survive re-ingesting.'), list];
}
