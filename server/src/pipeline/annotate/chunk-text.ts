/** A piece of a text and where it starts. */
export interface TextChunk {
  offset: number;
  text: string;
}

/**
 * Cuts a text into pieces of at most `maxChars`, at paragraph breaks when it can, else at line
 * breaks, else after a sentence's full stop, else at a space: CoreNLP's server refuses long
 * documents, and pieces can be annotated in parallel. Pieces cover the text exactly, in order.
 */
export function chunkText(text: string, maxChars: number): TextChunk[] {
  const out: TextChunk[] = [];
  let at = 0;
  while (text.length - at > maxChars) {
    const window = text.slice(at, at + maxChars);
    const cut = lastBreak(window, /\n[ \t]*\n/g) ?? lastBreak(window, /\n/g) ?? lastBreak(window, /[.!?]["”’)]?\s/g) ?? lastBreak(window, /\s/g) ?? maxChars;
    out.push({ offset: at, text: text.slice(at, at + cut) });
    at += cut;
  }
  if (at < text.length || out.length === 0) out.push({ offset: at, text: text.slice(at) });
  return out;
}

/** The end of the last match of `re` in the window's second half, if any. */
function lastBreak(window: string, re: RegExp): number | undefined {
  let best: number | undefined;
  for (const m of window.matchAll(re)) {
    const end = m.index + m[0].length;
    if (end >= window.length / 2 && end < window.length) best = end;
  }
  return best;
}
