import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

// Our own SVG writer: the Cytoscape SVG extension is GPL-licensed, and the view only uses a
// handful of shapes, straight edges and labels, all read from Cytoscape's computed style.

const esc = (s: string): string =>
  s
    // Characters XML forbids, then the five that need escaping.
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const num = (n: number): string => (Math.round(n * 100) / 100).toString();

/** Points of a regular polygon (or star) of `sides` corners inside a w×h box around (x, y). */
function polygon(x: number, y: number, w: number, h: number, sides: number, rotate: number, star = false): string {
  const pts: string[] = [];
  const count = star ? sides * 2 : sides;
  for (let i = 0; i < count; i++) {
    const a = rotate + (i * 2 * Math.PI) / count;
    const r = star && i % 2 === 1 ? 0.45 : 1;
    pts.push(`${num(x + (w / 2) * r * Math.cos(a))},${num(y + (h / 2) * r * Math.sin(a))}`);
  }
  return pts.join(' ');
}

function nodeShape(n: NodeSingular): string {
  const { x, y } = n.position();
  const w = n.width();
  const h = n.height();
  const paint = `fill="${esc(n.style('background-color'))}" fill-opacity="${num(Number(n.style('background-opacity')))}" stroke="${esc(n.style('border-color'))}" stroke-width="${num(parseFloat(n.style('border-width')))}"`;
  switch (n.style('shape')) {
    case 'round-rectangle':
    case 'roundrectangle':
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(Math.min(w, h) / 4)}" ${paint}/>`;
    case 'rectangle':
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" ${paint}/>`;
    case 'hexagon':
      return `<polygon points="${polygon(x, y, w, h, 6, 0)}" ${paint}/>`;
    case 'diamond':
      return `<polygon points="${polygon(x, y, w, h, 4, -Math.PI / 2)}" ${paint}/>`;
    case 'triangle':
      return `<polygon points="${polygon(x, y, w, h, 3, -Math.PI / 2)}" ${paint}/>`;
    case 'star':
      return `<polygon points="${polygon(x, y, w, h, 5, -Math.PI / 2, true)}" ${paint}/>`;
    default:
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`;
  }
}

function label(text: string, x: number, y: number, el: NodeSingular | EdgeSingular): string {
  if (!text) return '';
  const size = parseFloat(el.style('font-size')) || 12;
  return `<text x="${num(x)}" y="${num(y)}" font-family="system-ui, sans-serif" font-size="${num(size)}" text-anchor="middle" fill="${esc(el.style('color'))}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(text)}</text>`;
}

function edgeLine(e: EdgeSingular): string {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const color = esc(e.style('line-color'));
  const width = num(parseFloat(e.style('width')) || 1);
  const opacity = num(Number(e.style('opacity')));
  const dashed = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : '';
  const arrow = e.style('target-arrow-shape') !== 'none' ? ' marker-end="url(#arrow)"' : '';
  return `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" stroke="${color}" stroke-width="${width}" stroke-opacity="${opacity}"${dashed}${arrow}/>`;
}

/**
 * The visible graph as an SVG document: every visible node (shape, colour, size, label) and
 * edge, in model coordinates, on a white background. Text is escaped; nothing is read from HTML.
 */
export function viewToSvg(cy: Core): string {
  const visible = cy.elements(':visible').not('.more');
  const box = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const [x0, y0, w, h] = [box.x1 - pad, box.y1 - pad, Math.max(box.w, 1) + 2 * pad, Math.max(box.h, 1) + 2 * pad];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" width="${num(w)}" height="${num(h)}">`,
    '<title>Newsgraph view</title>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker></defs>',
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`,
    '<g class="edges">',
  ];
  visible.edges().forEach((e) => {
    out.push(`<g class="edge" data-id="${esc(e.id())}">${edgeLine(e)}</g>`);
  });
  out.push('</g>', '<g class="nodes">');
  visible.nodes().forEach((n) => {
    const { x, y } = n.position();
    const text = String(n.data('label') ?? '');
    const below = n.style('text-valign') === 'bottom' ? y + n.height() / 2 + 4 + (parseFloat(n.style('font-size')) || 12) : y + 4;
    out.push(`<g class="node" data-id="${esc(n.id())}">${nodeShape(n)}${label(text, x, below, n)}</g>`);
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
