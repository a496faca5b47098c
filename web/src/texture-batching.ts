import type { Core, SingularElementArgument } from 'cytoscape';

/**
 * Cytoscape's canvas renderer draws each node and label into a shared 1024-px-wide texture, then
 * copies that texture onto the screen, one element at a time. Chromium keeps a snapshot of a
 * canvas each time it is drawn from, so the next write into the same texture copies the whole
 * texture first: with nothing cached yet (the first frame of a new view), a 500-node view pays
 * about a thousand texture copies, 0.5–1 s in software rendering. Filling every missing texture
 * before the first copy, then copying, costs the same drawing and no snapshot copies.
 *
 * These are the renderer's internals (Cytoscape 3.31–3.34); `batchTextureFills` checks their
 * shape and leaves the renderer alone when they differ, and a Chromium test fails if so.
 */

/** The part of Cytoscape's per-element texture cache this module uses. */
interface TextureCache {
  getBoundingBox(ele: SingularElementArgument): unknown;
  getElement(ele: SingularElementArgument, bb: unknown, pxRatio: number): unknown;
}

type DrawCached = (context: unknown, eles: SingularElementArgument[], pxRatio: number, extent: unknown) => void;

interface CanvasRenderer {
  data: Record<string, unknown>;
  drawCachedElements: DrawCached;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function isTextureCache(x: unknown): x is TextureCache {
  const c = x as Partial<TextureCache> | null;
  return typeof c?.getBoundingBox === 'function' && typeof c.getElement === 'function';
}

function canvasRenderer(cy: Core): CanvasRenderer | null {
  const r = (cy as unknown as { renderer?: () => unknown }).renderer?.() as Partial<CanvasRenderer> | undefined;
  if (!r || typeof r.drawCachedElements !== 'function' || typeof r.data !== 'object' || r.data === null) return null;
  return r as CanvasRenderer;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

/**
 * Makes the canvas renderer fill the textures of every element it is about to draw before it
 * draws any of them. Returns whether it could (false when the renderer is not the canvas one or
 * its internals have moved); the answer is also kept as `cy.scratch('textureBatching')`.
 */
export function batchTextureFills(cy: Core): boolean {
  const r = canvasRenderer(cy);
  const caches = r ? [r.data.eleTxrCache, r.data.lblTxrCache] : [];
  const ok = r !== null && caches.every(isTextureCache);
  cy.scratch('textureBatching', ok);
  if (!r || !ok) return false;
  const draw = r.drawCachedElements.bind(r);
  r.drawCachedElements = (context, eles, pxRatio, extent) => {
    for (const cache of caches as TextureCache[]) {
      for (const ele of eles) {
        // Nodes the draw loop will ask for: visible and inside the drawn extent. Edges are drawn
        // directly (their only labels are on the few selected ones).
        if (!ele.isNode() || !ele.visible() || (extent && !overlaps(ele.boundingBox() as Box, extent as Box))) continue;
        cache.getElement(ele, cache.getBoundingBox(ele), pxRatio);
      }
    }
    draw(context, eles, pxRatio, extent);
  };
  return true;
}
