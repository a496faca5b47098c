import type { Core } from 'cytoscape';
import { el } from './dom.ts';
import { mountMenu } from './menu.ts';
import { viewToSvg } from './svg-export.ts';

const DATA_FORMATS: Array<[string, string]> = [
  ['graphml', 'GraphML (Gephi, yEd, Cytoscape)'],
  ['gexf', 'GEXF (Gephi, with timeline)'],
  ['csv', 'CSV (zip: nodes, edges, evidence)'],
  ['cytoscape_json', 'Cytoscape JSON (with positions)'],
  ['json', 'JSON'],
  ['cypher', 'Cypher script'],
];

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name the server chose (Content-Disposition), or a fallback. */
function filenameOf(res: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * The export menu: PNG (2× scale) and SVG of the view, made in the browser, and the data
 * formats for exactly the entities on screen (with their positions), from POST /export/<format>.
 */
export function mountExportMenu(button: HTMLButtonElement, graph: () => Core, say: (m: string) => void): void {
  const items = [{ value: 'png', label: 'PNG image (2×)' }, { value: 'svg', label: 'SVG image' }, ...DATA_FORMATS.map(([value, label]) => ({ value, label }))];
  mountMenu(button, items, (choice) => {
    const cy = graph();
    const nodes = cy.nodes(':visible').not('.more').nodes();
    if (nodes.length === 0) {
      say('Nothing to export yet: search for an entity first.');
      return;
    }
    if (choice === 'png') {
      download(cy.png({ output: 'blob', scale: 2, full: true, bg: '#ffffff' }), 'newsgraph.png');
      return;
    }
    if (choice === 'svg') {
      download(new Blob([viewToSvg(cy)], { type: 'image/svg+xml' }), 'newsgraph.svg');
      return;
    }
    const positions = Object.fromEntries(nodes.map((n) => [n.id(), n.position()]));
    say(`Exporting ${nodes.length} entities…`);
    fetch(`/export/${choice}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: nodes.map((n) => n.id()), depth: 0, positions }) })
      .then(async (res) => {
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null;
          throw new Error(body?.errors?.[0]?.message ?? `the server answered ${res.status}`);
        }
        download(await res.blob(), filenameOf(res, `newsgraph.${choice}`));
        say(`Exported ${nodes.length} entities.`);
      })
      .catch((err: unknown) => say(`Export failed: ${err instanceof Error ? err.message : String(err)}`));
  });
}
