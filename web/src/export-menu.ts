import type { Core } from 'cytoscape';
import { el } from './dom.ts';
import { mountMenu } from './menu.ts';

const DATA_FORMATS: Array<[string, string]> = [
  ['graphml', 'GraphML (Gephi, yEd, Cytoscape)'],
  ['gexf', 'GEXF (Gephi, with timeline)'],
  ['csv', 'CSV (zip: nodes, edges, evidence)'],
  ['cytoscape_json', 'Cytoscape JSON'],
  ['json', 'JSON'],
  ['cypher', 'Cypher script'],
];

function download(href: string, filename: string): void {
  const a = el('a', { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * The export menu: a PNG of the view (2× scale) made in the browser, and the data formats,
 * downloaded from /export/<format> for the entities in view.
 */
export function mountExportMenu(button: HTMLButtonElement, cy: Core, idsInView: () => string[], say: (m: string) => void): void {
  const items = [{ value: 'png', label: 'PNG image (2×)' }, ...DATA_FORMATS.map(([value, label]) => ({ value, label }))];
  mountMenu(button, items, (choice) => {
    if (cy.nodes().length === 0) {
      say('Nothing to export yet: search for an entity first.');
      return;
    }
    if (choice === 'png') {
      const blob = cy.png({ output: 'blob', scale: 2, full: true, bg: '#ffffff' });
      const url = URL.createObjectURL(blob);
      download(url, 'newsgraph.png');
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return;
    }
    const ids = idsInView().slice(0, 100);
    download(`/export/${choice}?ids=${encodeURIComponent(ids.join(','))}&depth=1`, '');
  });
}
