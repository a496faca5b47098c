import type { Core } from 'cytoscape';
import type { PathResult } from './api.ts';
import { el } from './dom.ts';

/** Marks the paths' nodes and edges (already drawn) as the answer and dims everything else. */
export function highlightPaths(cy: Core, paths: PathResult[]): void {
  cy.batch(() => {
    clearPaths(cy);
    const on = cy.collection();
    for (const p of paths) for (const x of [...p.nodes, ...p.edges]) on.merge(cy.getElementById(x.id));
    on.addClass('path');
    if (on.nonempty()) cy.elements().difference(on).addClass('dimmed');
  });
}

/** Takes the path highlight away. */
export function clearPaths(cy: Core): void {
  cy.elements('.path, .dimmed').removeClass('path dimmed');
}

/** What the path panel can do besides showing the paths. */
export interface PathPanelActions {
  /** Whether these paths avoid hubs (entities with more than 200 links). */
  avoidHubs: boolean;
  /** Asks again, avoiding hubs or not. */
  onAvoidHubs: (avoid: boolean) => void;
  /** Focuses an entity named on a path. */
  onPick: (id: string) => void;
  onClose: () => void;
}

/** The panel's contents for found paths: each hop with its relation and first evidence sentence; every stop's name focuses it. */
export function pathDetails(fromName: string, toName: string, paths: PathResult[], actions: PathPanelActions): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', actions.onClose);
  const avoid = el('input', { type: 'checkbox' });
  avoid.checked = actions.avoidHubs;
  avoid.addEventListener('change', () => actions.onAvoidHubs(avoid.checked));
  const stop = (p: PathResult, id: string): HTMLElement => {
    const b = el('button', { type: 'button', class: 'link' }, p.nodes.find((n) => n.id === id)?.name ?? id);
    b.addEventListener('click', () => actions.onPick(id));
    return b;
  };
  return [
    close,
    el('h2', {}, `Paths: ${fromName} → ${toName}`),
    el('label', { class: 'inline-option' }, avoid, ' Avoid hubs (entities with more than 200 links)'),
    ...(paths.length === 0
      ? [el('p', { class: 'meta' }, actions.avoidHubs ? 'No path of up to 4 links connects them without passing through a hub.' : 'No path of up to 4 links connects them.')]
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
                  stop(p, e.source),
                  ` —${e.type.toLowerCase().replace(/_/g, ' ')}→ `,
                  stop(p, e.target),
                  ...(e.evidence[0] ? [el('blockquote', {}, e.evidence[0].sentence, el('br'), el('span', { class: 'meta' }, e.evidence[0].article.title))] : []),
                ),
              ),
            ),
          ),
        )),
  ];
}
