import type { Core } from 'cytoscape';
import { fetchPaths, type PathResult } from './api.ts';
import { el } from './dom.ts';
import { addSubgraph } from './graph-view.ts';

/** The paths' nodes and edges, added to the view and highlighted. */
export function showPaths(cy: Core, paths: PathResult[]): void {
  cy.elements().removeClass('path');
  for (const p of paths) {
    addSubgraph(cy, { nodes: p.nodes, edges: p.edges }, { replace: false, seeds: [] });
    for (const n of p.nodes) cy.getElementById(n.id).addClass('path');
    for (const e of p.edges) cy.getElementById(e.id).addClass('path');
  }
}

/** The panel's contents for found paths: each hop with its relation and first evidence sentence. */
export function pathDetails(fromName: string, toName: string, paths: PathResult[], onClose: () => void): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', onClose);
  const name = (p: PathResult, id: string): string => p.nodes.find((n) => n.id === id)?.name ?? id;
  return [
    close,
    el('h2', {}, `Paths: ${fromName} → ${toName}`),
    ...(paths.length === 0
      ? [el('p', { class: 'meta' }, 'No path of up to 4 links connects them.')]
      : paths.map((p, i) =>
          el(
            'section',
            { class: 'path-item' },
            el('h3', {}, `Path ${i + 1} · ${p.edges.length} link${p.edges.length === 1 ? '' : 's'}`),
            el(
              'ol',
              {},
              ...p.edges.map((e) =>
                el(
                  'li',
                  {},
                  `${name(p, e.source)} —${e.type.toLowerCase().replace(/_/g, ' ')}→ ${name(p, e.target)}`,
                  ...(e.evidence[0] ? [el('blockquote', {}, e.evidence[0].sentence, el('br'), el('span', { class: 'meta' }, e.evidence[0].article.title))] : []),
                ),
              ),
            ),
          ),
        )),
  ];
}

/** Fetches and shows paths between two entities. */
export async function findPaths(cy: Core, from: { id: string; name: string }, to: { id: string; name: string }, show: (nodes: HTMLElement[]) => void, onClose: () => void): Promise<void> {
  const paths = await fetchPaths(from.id, to.id);
  showPaths(cy, paths);
  show(pathDetails(from.name, to.name, paths, onClose));
}
