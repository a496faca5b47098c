import type { Core } from 'cytoscape';
import type { EntityType } from './api.ts';
import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

/** What the filters hide. Dates are YYYY-MM-DD (inclusive); null leaves that end open. */
export interface FilterState {
  hiddenTypes: Set<EntityType>;
  hiddenRelationTypes: Set<string>;
  minWeight: number;
  since: string | null;
  until: string | null;
}

/** The legend, doubling as the type filter: one checkbox per entity type in its colour. */
export function renderLegend(container: HTMLElement, hidden: Set<EntityType>, onChange: () => void): void {
  const items = Object.entries(TYPE_STYLES).map(([type, s]) => {
    const box = el('input', { type: 'checkbox', value: type, 'data-type': type });
    box.checked = !hidden.has(type as EntityType);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(type as EntityType);
      else hidden.add(type as EntityType);
      onChange();
    });
    return el('label', {}, box, el('span', { class: 'swatch', style: `background:${s.color}`, 'aria-hidden': 'true' }), s.label);
  });
  container.replaceChildren(el('legend', {}, 'Entity types'), ...items);
}

/**
 * The relation-type filter: a checkbox per relation type in view (and any hidden one). When the
 * types are the same as last time the checkboxes are kept (only their state is set), so the one
 * just toggled keeps keyboard focus.
 */
export function renderRelationTypes(container: HTMLElement, cy: Core, hidden: Set<string>, onChange: () => void): void {
  const types = new Set<string>(hidden);
  cy.edges(':not(.more)').forEach((e) => {
    types.add(String(e.data('type')));
  });
  const sorted = [...types].sort();
  const existing = [...container.querySelectorAll<HTMLInputElement>('input[data-relation-type]')];
  if (existing.length > 0 && existing.map((b) => b.value).join('\n') === sorted.join('\n')) {
    for (const box of existing) box.checked = !hidden.has(box.value);
    return;
  }
  const items = sorted.map((type) => {
    const box = el('input', { type: 'checkbox', value: type, 'data-relation-type': type });
    box.checked = !hidden.has(type);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(type);
      else hidden.add(type);
      onChange();
    });
    return el('label', {}, box, type.toLowerCase().replace(/_/g, ' '));
  });
  container.replaceChildren(el('legend', {}, 'Link types'), ...(items.length > 0 ? items : [el('span', { class: 'meta' }, 'None in view yet.')]));
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
 * types, under the minimum weight or outside the date range (and edges touching hidden nodes);
 * an entity whose every link is outside the date range goes too, unless it was expanded. "+N more" nodes follow their entity.
 */
export function applyFilters(cy: Core, f: FilterState, expanded: ReadonlySet<string> = new Set()): void {
  const dated = f.since !== null || f.until !== null;
  cy.batch(() => {
    cy.nodes(':not(.more)').forEach((n) => {
      // An event with its own date outside the range goes too (unless it was expanded).
      const date: unknown = n.data('date');
      const outside = typeof date === 'string' && !expanded.has(n.id()) && !inRange(date, date, f.since, f.until);
      n.toggleClass('filtered', f.hiddenTypes.has(n.data('type') as EntityType) || outside);
    });
    cy.edges(':not(.more)').forEach((e) => {
      const off =
        f.hiddenRelationTypes.has(String(e.data('type'))) ||
        Number(e.data('weight')) < f.minWeight ||
        !inRange(e.data('firstSeen'), e.data('lastSeen'), f.since, f.until) ||
        e.source().hasClass('filtered') ||
        e.target().hasClass('filtered');
      e.toggleClass('filtered', off);
    });
    if (dated) {
      cy.nodes(':not(.more)').forEach((n) => {
        const edges = n.connectedEdges(':not(.more)');
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
