import type { Core } from 'cytoscape';
import type { EntityType } from './api.ts';
import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

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

/** Hides nodes of hidden types and edges under the minimum weight (or touching hidden nodes). */
export function applyFilters(cy: Core, hidden: Set<EntityType>, minWeight: number): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', hidden.has(n.data('type') as EntityType));
    });
    cy.edges().forEach((e) => {
      const off = Number(e.data('weight')) < minWeight || e.source().hasClass('filtered') || e.target().hasClass('filtered');
      e.toggleClass('filtered', off);
    });
  });
}
