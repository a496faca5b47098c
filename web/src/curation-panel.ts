import type { ArticleRef, CurationOutcome, Entity, EntityType, ExplorerApi } from './api.ts';
import { confirmBox } from './confirm-box.ts';
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
 * this one, split aliases off, and for an event told by several articles, split reports off into
 * an event of their own. Each change first shows what it will do and waits for Confirm;
 * it then goes through the API as a stored decision, so re-ingesting never reverts it, and the
 * status bar offers Undo (History lists every decision).
 */
export function curationSection(api: Pick<ExplorerApi, 'curate' | 'search'>, entity: Entity & { articles?: ArticleRef[] }, hooks: CurationHooks): HTMLElement {
  const run = (label: string, change: () => Promise<CurationOutcome>): void => {
    change().then(
      (outcome) => {
        const decision = outcome.decisions[0];
        hooks.done(label, outcome, () => (decision ? api.curate.undo(decision.id) : Promise.reject(new Error('Nothing to undo.'))));
      },
      (err: unknown) => hooks.failed(err instanceof Error ? err.message : String(err)),
    );
  };

  const q = (s: string): string => `“${s}”`;
  const label = (t: EntityType): string => TYPE_STYLES[t].label;
  /** "a Person", "an Agency". */
  const aLabel = (t: EntityType): string => `${/^[AEIOU]/.test(label(t)) ? 'an' : 'a'} ${label(t)}`;
  const section = el('details', { class: 'curation' });
  /** Shows what a change will do right under the control that asked for it (one confirmation at a time). */
  const ask = (anchor: HTMLElement, preview: string, confirmLabel: string, message: string, change: () => Promise<CurationOutcome>): void => {
    for (const open of section.querySelectorAll('.confirm')) open.remove();
    anchor.after(confirmBox([preview], confirmLabel, () => run(message, change), () => undefined));
  };

  const name = el('input', { type: 'text', value: entity.name, 'aria-label': 'New name' });
  const rename = el('form', { class: 'inline' }, name, el('button', { type: 'submit' }, 'Rename'));
  rename.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = name.value.trim();
    if (!next || next === entity.name) return;
    ask(
      rename,
      `${q(entity.name)} will be called ${q(next)}. The old name stays as an alias, so search still finds it, and articles ingested later do not rename it back.`,
      'Confirm rename',
      `Renamed to ${q(next)}.`,
      () => api.curate.rename(entity.id, next),
    );
  });

  const type = el('select', { 'aria-label': 'Entity type' }, ...Object.entries(TYPE_STYLES).map(([t, s]) => el('option', { value: t }, s.label)));
  type.value = entity.type;
  const retype = el('form', { class: 'inline' }, type, el('button', { type: 'submit' }, 'Change type'));
  retype.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = type.value as EntityType;
    if (next === entity.type) return;
    ask(
      retype,
      `${q(entity.name)} will be ${aLabel(next)} instead of ${aLabel(entity.type)}: its colour and the type filter follow; its links, evidence and articles stay.`,
      'Confirm type change',
      `Type changed to ${label(next)}.`,
      () => api.curate.setType(entity.id, next),
    );
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
                b.addEventListener('click', () => {
                  const names = f.aliases.filter((a) => a !== f.name);
                  ask(
                    candidates,
                    `${q(f.name)} (${label(f.type)}, ${f.articleCount} article${f.articleCount === 1 ? '' : 's'}${names.length > 0 ? `; also called ${names.map(q).join(', ')}` : ''}) will be merged into ${q(entity.name)} (${label(entity.type)}, ${entity.articleCount} article${entity.articleCount === 1 ? '' : 's'}). Its links, evidence and article mentions move to ${q(entity.name)}, its names become aliases, and ${q(f.name)} disappears; articles ingested later that name it land on ${q(entity.name)}.${f.type !== entity.type ? ` The types differ: the merged entity stays ${aLabel(entity.type)}.` : ''}`,
                    'Confirm merge',
                    `Merged ${q(f.name)} into ${q(entity.name)}.`,
                    () => api.curate.merge(entity.id, [f.id]),
                  );
                });
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
      const [first] = chosen;
      if (!first) return;
      ask(
        split,
        `${chosen.map(q).join(', ')} will leave ${q(entity.name)} and become a new ${label(entity.type)} entity, ${q(first)}. Evidence sentences and article mentions that use only ${chosen.length === 1 ? 'this name' : 'these names'} move to it; the rest stay with ${q(entity.name)}.`,
        'Confirm split',
        `Split ${chosen.map(q).join(', ')} off ${q(entity.name)}.`,
        () => api.curate.split(entity.id, chosen),
      );
    });
    parts.push(split);
  }
  const reports = entity.articles ?? [];
  if (entity.type === 'EVENT' && reports.length > 1) {
    const boxes = reports.map((a) => ({ article: a, box: el('input', { type: 'checkbox', value: a.id }) }));
    const split = el(
      'form',
      { class: 'split' },
      el('p', { class: 'meta' }, 'Not one event? Split reports off into an event of their own:'),
      ...boxes.map(({ article, box }) => el('label', {}, box, ` ${article.title}`, el('span', { class: 'meta' }, ` ${[article.source, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}`))),
      el('button', { type: 'submit' }, 'Split off reports'),
    );
    split.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const chosen = boxes.filter((b) => b.box.checked).map((b) => b.article);
      if (chosen.length === 0) return;
      if (chosen.length === reports.length) {
        hooks.failed('Leave at least one report on the event: splitting off every report would only rename it.');
        return;
      }
      const n = chosen.length;
      ask(
        split,
        `The report${n === 1 ? '' : 's'} of ${chosen.map((a) => q(a.title)).join(', ')} will leave ${q(entity.name)} and become an event of ${n === 1 ? 'its' : 'their'} own: ${n === 1 ? 'its' : 'their'} sentences and mentions move with ${n === 1 ? 'it' : 'them'}, dates and counts are recomputed on both sides, and ingesting ${n === 1 ? 'that article' : 'those articles'} again keeps ${n === 1 ? 'it' : 'them'} apart.`,
        'Confirm split',
        `Split ${n} report${n === 1 ? '' : 's'} off ${q(entity.name)}.`,
        () => api.curate.splitEvent(entity.id, chosen.map((a) => a.id)),
      );
    });
    parts.push(split);
  }
  section.append(...parts);
  return section;
}
