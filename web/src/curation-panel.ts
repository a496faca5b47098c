import type { CurationOutcome, Entity, EntityType, ExplorerApi } from './api.ts';
import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

/** What the page does once a curation change (or its undo) is stored. */
export interface CurationHooks {
  /** The change is stored: update the view; `undo` reverses it. */
  done(message: string, outcome: CurationOutcome, undo: () => Promise<CurationOutcome>): void;
  failed(message: string): void;
}

/**
 * The curation section of an entity's panel: rename, change type, merge another entity into
 * this one, split aliases off. Every change goes through the API as a stored decision, so
 * re-ingesting never reverts it, and the status bar offers Undo.
 */
export function curationSection(api: Pick<ExplorerApi, 'curate' | 'search'>, entity: Entity, hooks: CurationHooks): HTMLElement {
  const run = (label: string, change: () => Promise<CurationOutcome>): void => {
    change().then(
      (outcome) => {
        const decision = outcome.decisions[0];
        hooks.done(label, outcome, () => (decision ? api.curate.undo(decision.id) : Promise.reject(new Error('Nothing to undo.'))));
      },
      (err: unknown) => hooks.failed(err instanceof Error ? err.message : String(err)),
    );
  };

  const name = el('input', { type: 'text', value: entity.name, 'aria-label': 'New name' });
  const rename = el('form', { class: 'inline' }, name, el('button', { type: 'submit' }, 'Rename'));
  rename.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (name.value.trim() && name.value.trim() !== entity.name) run(`Renamed to “${name.value.trim()}”.`, () => api.curate.rename(entity.id, name.value.trim()));
  });

  const type = el('select', { 'aria-label': 'Entity type' }, ...Object.entries(TYPE_STYLES).map(([t, s]) => el('option', { value: t }, s.label)));
  type.value = entity.type;
  const retype = el('form', { class: 'inline' }, type, el('button', { type: 'submit' }, 'Change type'));
  retype.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (type.value !== entity.type) run(`Type changed to ${TYPE_STYLES[type.value as EntityType].label}.`, () => api.curate.setType(entity.id, type.value as EntityType));
  });

  const other = el('input', { type: 'search', 'aria-label': 'Entity to merge into this one', placeholder: 'Find an entity to merge in…' });
  const candidates = el('ul', { class: 'candidates' });
  const merge = el('form', { class: 'inline' }, other, el('button', { type: 'submit' }, 'Find'));
  merge.addEventListener('submit', (ev) => {
    ev.preventDefault();
    api.search(other.value, 6).then(
      (found) => {
        const rows = found.filter((f) => f.id !== entity.id);
        candidates.replaceChildren(
          ...(rows.length > 0
            ? rows.map((f) => {
                const b = el('button', { type: 'button' }, `Merge “${f.name}” into this`);
                b.addEventListener('click', () => run(`Merged “${f.name}” into “${entity.name}”.`, () => api.curate.merge(entity.id, [f.id])));
                return el('li', {}, b, el('span', { class: 'meta' }, ` ${TYPE_STYLES[f.type].label} · ${f.articleCount} articles`));
              })
            : [el('li', { class: 'meta' }, 'No other entity matches.')]),
        );
      },
      (err: unknown) => hooks.failed(err instanceof Error ? err.message : String(err)),
    );
  });

  const parts: HTMLElement[] = [el('summary', {}, 'Curate'), rename, retype, el('p', { class: 'meta' }, 'Merge a duplicate into this entity:'), merge, candidates];
  if (entity.aliases.length > 0) {
    const boxes = entity.aliases.map((a) => ({ alias: a, box: el('input', { type: 'checkbox', value: a }) }));
    const split = el('form', { class: 'split' }, el('p', { class: 'meta' }, 'Split names off into a new entity:'), ...boxes.map(({ alias, box }) => el('label', {}, box, ` ${alias}`)), el('button', { type: 'submit' }, 'Split off'));
    split.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const chosen = boxes.filter((b) => b.box.checked).map((b) => b.alias);
      if (chosen.length > 0) run(`Split “${chosen.join('”, “')}” off “${entity.name}”.`, () => api.curate.split(entity.id, chosen));
    });
    parts.push(split);
  }
  return el('details', { class: 'curation' }, ...parts);
}
