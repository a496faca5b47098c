import type { Core, NodeSingular } from 'cytoscape';

/** An entity with at least this many events of one kind in view shows them as one group node. */
export const GROUP_MIN = 4;

/** The id of the group node of an entity's events of one kind. */
export const groupId = (anchor: string, kind: string): string => `group:${anchor}:${kind}`;

const kindOf = (n: NodeSingular): string => String(n.data('eventType') ?? String(n.data('label')).split(':')[0] ?? 'Event');

/** "12 arrests", "5 detentions", "4 crossings". */
export function groupLabel(count: number, kind: string): string {
  const word = kind.toLowerCase();
  const plural = /(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  return `${count} ${plural}`;
}

/** Puts each group node back where its events are (after a layout or a drag moved them). */
export function placeGroups(cy: Core): void {
  cy.nodes('.group').forEach((g) => {
    const members = ((g.data('members') as string[] | undefined) ?? []).map((id) => cy.getElementById(id)).filter((n) => n.nonempty());
    if (members.length === 0) return;
    g.position({ x: members.reduce((s, n) => s + n.position().x, 0) / members.length, y: members.reduce((s, n) => s + n.position().y, 0) / members.length });
  });
}

/**
 * Folds a hub's events so they do not bury its links: the events of one kind linked to an
 * entity (each event goes to the entity with the most events of its kind) become one node,
 * "12 arrests", when there are GROUP_MIN or more and the group is not in `open`. The folded
 * events and their links get the class `grouped` (not drawn); `keep` (expanded or pinned
 * events) are never folded. The group node sits where its events are. Run after the filters.
 */
export function groupEvents(cy: Core, open: ReadonlySet<string>, keep: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.nodes('.group').remove();
    cy.elements('.grouped').removeClass('grouped');
    const events = cy
      .nodes('[type = "EVENT"]')
      .not('.filtered')
      .filter((n) => !keep.has(n.id()));
    const members = new Map<string, NodeSingular[]>();
    const anchorsOf = new Map<string, string[]>();
    events.forEach((ev) => {
      const kind = kindOf(ev);
      const keys = ev
        .neighborhood()
        .nodes()
        .not('.filtered, .more, [type = "EVENT"]')
        .map((a) => `${a.id()}\n${kind}`);
      anchorsOf.set(ev.id(), keys);
      for (const k of keys) members.set(k, [...(members.get(k) ?? []), ev]);
    });
    const groups = new Map<string, NodeSingular[]>();
    events.forEach((ev) => {
      const keys = anchorsOf.get(ev.id()) ?? [];
      const best = keys.sort((a, b) => (members.get(b)?.length ?? 0) - (members.get(a)?.length ?? 0) || a.localeCompare(b))[0];
      if (best) groups.set(best, [...(groups.get(best) ?? []), ev]);
    });
    for (const [key, list] of groups) {
      const [anchor = '', kind = ''] = key.split('\n');
      const id = groupId(anchor, kind);
      if (list.length < GROUP_MIN || open.has(id)) continue;
      const x = list.reduce((s, n) => s + n.position().x, 0) / list.length;
      const y = list.reduce((s, n) => s + n.position().y, 0) / list.length;
      const label = groupLabel(list.length, kind);
      cy.add([
        { group: 'nodes', data: { id, label, caption: label, type: 'GROUP', groupOf: anchor, kind, count: list.length, members: list.map((n) => n.id()), articleCount: 1, width: 16 + label.length * 6 }, classes: 'group', position: { x, y } },
        { group: 'edges', data: { id: `group-edge:${id}`, source: anchor, target: id, type: 'GROUP', weight: 1 }, classes: 'group' },
      ]);
      for (const ev of list) {
        ev.addClass('grouped');
        ev.connectedEdges().addClass('grouped');
      }
    }
  });
}
