/**
 * Builds an element with text content only: graph and article strings never go through
 * innerHTML, so a name such as `<img src=x onerror=alert(1)>` stays text.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Looks up a required element by id, failing loudly if the page lacks it. */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing #${id} in index.html`);
  return node as T;
}

/**
 * Makes an element that is not a button act like one: a click or Enter/Space runs `onPress`
 * (names marked in text are `<mark role="button">` so they stay inline and selectable).
 */
export function pressable<T extends HTMLElement>(node: T, onPress: () => void): T {
  node.addEventListener('click', onPress);
  node.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onPress();
    }
  });
  return node;
}
