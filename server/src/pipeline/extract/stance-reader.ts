import type { Evidence, ExtractedRelation } from '../../domain/types.ts';
import type { Mention } from './mention.ts';
import type { SentenceGraph } from './sentence-graph.ts';
import { cuesFrom, headToken, linkCues, stanceOf, type FoundCue, type StanceReading } from './stance.ts';
import { STANCE_ORDER } from './stance-rules.ts';

/**
 * Gives each piece of evidence its stance (stance.ts) for one article: finds the words of the link in
 * the sentence's dependency graph and reads the cues above them. Cues are cached per word, since
 * the links of one sentence share their entities.
 */
export class StanceReader {
  private readonly extra = new WeakMap<ExtractedRelation, number[]>();
  private readonly cues = new Map<string, FoundCue[]>();
  private readonly byKey = new Map<string, Mention[]>();

  constructor(
    private readonly graphs: readonly SentenceGraph[],
    mentions: readonly Mention[],
  ) {
    for (const m of mentions) {
      const list = this.byKey.get(m.key);
      if (list) list.push(m);
      else this.byKey.set(m.key, [m]);
    }
  }

  /** Marks a text offset (an event's trigger) as one more word of a relation. */
  anchor(r: ExtractedRelation, offset: number): void {
    const list = this.extra.get(r);
    if (list) list.push(offset);
    else this.extra.set(r, [offset]);
  }

  /** The offsets `anchor` added to a relation. */
  anchorsOf(r: ExtractedRelation): number[] {
    return this.extra.get(r) ?? [];
  }

  /**
   * Sets the evidence's stance from the first mention of each entity key inside its sentence and the
   * extra offsets; a sentence naming neither is read from its root (the whole sentence's stance).
   */
  assign(evidence: Evidence, keys: readonly string[], offsets: readonly number[]): void {
    const anchors = new Map<number, Set<number>>();
    const add = (gi: number, token: number | undefined): void => {
      if (token === undefined) return;
      const set = anchors.get(gi) ?? new Set<number>();
      set.add(token);
      anchors.set(gi, set);
    };
    for (const key of new Set(keys)) {
      const m = this.byKey.get(key)?.find((x) => x.start >= evidence.start && x.end <= evidence.end);
      const gi = m ? this.graphAt(m.start) : -1;
      const g = this.graphs[gi];
      if (m && g) add(gi, headToken(g, m));
    }
    for (const offset of offsets) {
      const gi = this.graphAt(offset);
      const g = this.graphs[gi];
      if (g) add(gi, g.tokens.findIndex((t) => t.end > offset));
    }
    if (anchors.size === 0) {
      const gi = this.graphAt(evidence.start);
      const g = this.graphs[gi];
      if (g && g.root >= 0) add(gi, g.root);
    }
    const readings: StanceReading[] = [...anchors].flatMap(([gi, tokens]) => {
      const g = this.graphs[gi];
      return g ? [stanceOf(g, linkCues(g, [...tokens], (t) => this.cuesAt(gi, g, t)))] : [];
    });
    const stance = STANCE_ORDER.find((s) => readings.some((r) => r.stance === s)) ?? 'ASSERTED';
    evidence.stance = stance;
    evidence.stanceRules = [...new Set(readings.filter((r) => r.stance === stance).flatMap((r) => r.rules))];
    const source = readings.find((r) => r.source)?.source;
    if (source) evidence.attributedTo = source.key;
    else delete evidence.attributedTo;
  }

  private cuesAt(gi: number, g: SentenceGraph, token: number): FoundCue[] {
    const key = `${gi}:${token}`;
    let found = this.cues.get(key);
    if (!found) {
      found = cuesFrom(g, token);
      this.cues.set(key, found);
    }
    return found;
  }

  /** The index of the graph whose sentence holds a text offset (-1 if none). */
  private graphAt(offset: number): number {
    let lo = 0;
    let hi = this.graphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = this.graphs[mid];
      if (!g) return -1;
      if (offset < g.start) hi = mid - 1;
      else if (offset >= g.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
