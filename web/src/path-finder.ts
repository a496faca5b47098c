import type { Core } from 'cytoscape';
import type { PathResult } from './api.ts';
import { el } from './dom.ts';

/** Marks the paths' nodes and edges (already drawn) as the answer. */
export function highlightPaths(cy: Core, paths: PathResult[]): void {
  cy.batch(() => {
    cy.elements().removeClass('path');
    for (const p of paths) for (const x of [...p.nodes, ...p.edges]) cy.getElementById(x.id).addClass('path');
  });
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
