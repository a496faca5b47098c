import { el } from './dom.ts';
import { TYPE_STYLES } from './graph-style.ts';

/** Fills the legend: one swatch per entity type, in the graph's colours. */
export function renderLegend(container: HTMLElement): void {
  const items = Object.entries(TYPE_STYLES).map(([type, s]) =>
    el('li', { 'data-type': type }, el('span', { class: 'swatch', style: `background:${s.color}`, 'aria-hidden': 'true' }), s.label),
  );
  container.replaceChildren(el('ul', {}, ...items));
}
