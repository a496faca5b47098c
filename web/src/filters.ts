import type { Core } from 'cytoscape';
import type { EntityType } from './api.ts';
import { el } from './dom.ts';
import type { StanceCounts } from './api.ts';
import type { ViewFilters } from './explorer-state.ts';
import { TYPE_STYLES } from './graph-style.ts';
import { countOf, showsWith, STANCE_LABELS } from './stance.ts';

/**
 * The legend, doubling as the type filter: one checkbox per entity type in its colour. Drawn
 * once; later calls only set the boxes (so focus stays where it is).
 */
export function renderLegend(container: HTMLElement, hidden: readonly EntityType[], onToggle: (type: EntityType, shown: boolean) => void): void {
  const existing = [...container.querySelectorAll<HTMLInputElement>('input[data-type]')];
  if (existing.length > 0) {
    for (const box of existing) box.checked = !hidden.includes(box.value as EntityType);
    return;
  }
  const items = Object.entries(TYPE_STYLES).map(([type, s]) => {
    const box = el('input', { type: 'checkbox', value: type, 'data-type': type });
    box.checked = !hidden.includes(type as EntityType);
    box.addEventListener('change', () => onToggle(type as EntityType, box.checked));
    return el('label', {}, box, el('span', { class: 'swatch', style: `background:${s.color}`, 'aria-hidden': 'true' }), s.label);
  });
  container.replaceChildren(el('legend', {}, 'Entity types'), ...items);
}

/**
 * The relation-type filter: a checkbox per relation type in view (and any hidden one). When the
 * types are the same as last time the checkboxes are kept (only their state is set), so the one
 * just toggled keeps keyboard focus.
 */
export function renderRelationTypes(container: HTMLElement, cy: Core, hidden: readonly string[], onToggle: (type: string, shown: boolean) => void): void {
  const types = new Set<string>(hidden);
  cy.edges().not('.more').not('.group').forEach((e) => {
    types.add(String(e.data('type')));
  });
  const sorted = [...types].sort();
  const existing = [...container.querySelectorAll<HTMLInputElement>('input[data-relation-type]')];
  if (existing.length > 0 && existing.map((b) => b.value).join('\n') === sorted.join('\n')) {
    for (const box of existing) box.checked = !hidden.includes(box.value);
    return;
  }
  const items = sorted.map((type) => {
    const box = el('input', { type: 'checkbox', value: type, 'data-relation-type': type });
    box.checked = !hidden.includes(type);
    box.addEventListener('change', () => onToggle(type, box.checked));
    return el('label', {}, box, type.toLowerCase().replace(/_/g, ' '));
  });
  container.replaceChildren(el('legend', {}, 'Link types'), ...(items.length > 0 ? items : [el('span', { class: 'meta' }, 'None in view yet.')]));
}

/**
 * The stance filter: a checkbox per stance with how many links in view have evidence presented
 * that way. Drawn once; later calls set the boxes and the counts.
 */
export function renderStances(container: HTMLElement, cy: Core, hidden: readonly string[], onToggle: (stance: string, shown: boolean) => void): void {
  const counts = new Map<string, number>();
  cy.edges().not('.more').not('.group').forEach((e) => {
    const s = e.data('stances') as StanceCounts | undefined;
    for (const x of STANCE_LABELS) if (countOf(s, x.stance) > 0) counts.set(x.stance, (counts.get(x.stance) ?? 0) + 1);
  });
  const existing = [...container.querySelectorAll<HTMLInputElement>('input[data-stance]')];
  if (existing.length === 0) {
    const items = STANCE_LABELS.map((x) => {
      const box = el('input', { type: 'checkbox', value: x.stance, 'data-stance': x.stance });
      box.addEventListener('change', () => onToggle(x.stance, box.checked));
      return el('label', { title: x.help }, box, el('span', { class: `stance-mark stance-${x.stance.toLowerCase()}`, 'aria-hidden': 'true' }), x.label, ' ', el('span', { class: 'meta', 'data-stance-count': x.stance }));
    });
    container.replaceChildren(el('legend', { title: 'How the sentences behind a link present it' }, 'Evidence says'), ...items);
  }
  for (const box of container.querySelectorAll<HTMLInputElement>('input[data-stance]')) box.checked = !hidden.includes(box.value);
  for (const span of container.querySelectorAll<HTMLElement>('[data-stance-count]')) span.textContent = `(${counts.get(span.dataset.stanceCount ?? '') ?? 0})`;
}

/** Whether an edge's seen-dates overlap [since, until]. */
function inRange(first: unknown, last: unknown, since: string | null, until: string | null): boolean {
  const a = typeof first === 'string' ? first.slice(0, 10) : null;
  const b = typeof last === 'string' ? last.slice(0, 10) : a;
  if (since && b && b < since) return false;
  if (until && a && a > until) return false;
  return true;
}

/**
 * Hides nodes of hidden types, events dated outside the date range, edges of hidden relation
 * types or whose evidence is all presented in hidden stances, under the minimum weight or outside the date range (and edges touching hidden nodes);
 * with `hideOrphans`, an entity whose every link is filtered out goes too, unless it was
 * expanded. "+N more" nodes follow their entity.
 */
export function applyFilters(cy: Core, f: ViewFilters, expanded: ReadonlySet<string> = new Set()): void {
  const hiddenTypes = new Set<string>(f.hiddenTypes);
  const hiddenRelationTypes = new Set(f.hiddenRelationTypes);
  const hiddenStances = new Set<string>(f.hiddenStances);
  cy.batch(() => {
    cy.nodes().not('.more').forEach((n) => {
      // An event with its own date outside the range goes too (unless it was expanded).
      const date: unknown = n.data('date');
      const outside = typeof date === 'string' && !expanded.has(n.id()) && !inRange(date, date, f.since, f.until);
      n.toggleClass('filtered', hiddenTypes.has(String(n.data('type'))) || outside);
    });
    cy.edges().not('.more').forEach((e) => {
      const off =
        hiddenRelationTypes.has(String(e.data('type'))) ||
        !showsWith(e.data('stances') as StanceCounts | undefined, hiddenStances) ||
        Number(e.data('weight')) < f.minWeight ||
        !inRange(e.data('firstSeen'), e.data('lastSeen'), f.since, f.until) ||
        e.source().hasClass('filtered') ||
        e.target().hasClass('filtered');
      e.toggleClass('filtered', off);
    });
    if (f.hideOrphans) {
      cy.nodes().not('.more').forEach((n) => {
        const edges = n.connectedEdges().not('.more');
        if (!expanded.has(n.id()) && edges.nonempty() && edges.filter('.filtered').length === edges.length) n.addClass('filtered');
      });
    }
    cy.nodes('.more').forEach((m) => {
      m.toggleClass('filtered', cy.getElementById(String(m.data('moreFor'))).hasClass('filtered'));
    });
    cy.edges('.more').forEach((e) => {
      e.toggleClass('filtered', e.target().is('.filtered'));
    });
  });
}
