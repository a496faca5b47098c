import type {
  Article,
  EntityType,
  Evidence,
  ExtractedEntity,
  ExtractedRelation,
  Extraction,
  RelationType,
  Span,
} from '../../domain/types.ts';
import { defaultLexicon, foldKey, type Lexicon, type LexiconEntry } from './lexicon.ts';
import { findPeople } from './people.ts';
import { splitSentences, tokenize, type Token } from './tokenize.ts';

/** Bumped whenever extraction output changes, so stored articles can be re-processed. */
export const EXTRACTOR_VERSION = 'lexicon-1';

/** Most entities in one sentence that get pairwise co-mention links; more is a list, not a claim. */
const MAX_COMENTION_ENTITIES = 8;

interface Found {
  key: string;
  name: string;
  type: EntityType;
  entry?: LexiconEntry;
  start: number;
  end: number;
  surface: string;
  sentence: number;
}

/**
 * Finds entities and the relations between them in one article.
 * Pure: no I/O beyond the lexicon, which is loaded once.
 */
export function extract(article: Pick<Article, 'text'>, lexicon: Lexicon = defaultLexicon()): Extraction {
  const text = article.text;
  const sentences = splitSentences(text);
  const found: Found[] = [];

  sentences.forEach((span, si) => {
    const tokens = tokenize(text.slice(span.start, span.end), span.start);
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const m of matchLexicon(tokens, lexicon)) {
      for (let k = m.from; k < m.to; k++) covered[k] = true;
      const first = tokens[m.from];
      const last = tokens[m.to - 1];
      if (!first || !last) continue;
      found.push({
        key: entityKey(m.entry.type, m.entry.name),
        name: m.entry.name,
        type: m.entry.type,
        entry: m.entry,
        start: first.start,
        end: last.end,
        surface: text.slice(first.start, last.end),
        sentence: si,
      });
    }
    if (isTitleCase(tokens)) return; // headlines capitalise every word: no reliable names there
    for (const p of findPeople(tokens, covered)) {
      found.push({ ...p, key: '', type: 'PERSON', sentence: si, surface: text.slice(p.start, p.end) });
    }
  });

  resolvePeople(found);
  const entities = groupEntities(found);
  const relations = [
    ...lexiconRelations(found, sentences, text),
    ...coMentions(found, sentences, text),
  ];
  return { extractorVersion: EXTRACTOR_VERSION, entities, relations: dedupeRelations(relations) };
}

interface LexiconMatch {
  from: number;
  to: number;
  entry: LexiconEntry;
}

/** Greedy longest match of token runs against the lexicon. */
function matchLexicon(tokens: Token[], lexicon: Lexicon): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit: LexiconMatch | undefined;
    for (let len = Math.min(lexicon.maxTokens, tokens.length - i); len >= 1 && !hit; len--) {
      const words = tokens.slice(i, i + len).map((t) => t.text);
      const exact = lexicon.exact.get(words.join(' '));
      if (exact) {
        hit = { from: i, to: i + len, entry: exact };
        break;
      }
      const folded = lexicon.folded.get(foldKey(words));
      if (folded && (!folded.capitalised || /^\p{Lu}/u.test(words[0] ?? '')) && !isShouted(words, folded.entry)) {
        hit = { from: i, to: i + len, entry: folded.entry };
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.to;
    } else {
      i++;
    }
  }
  return out;
}

// An all-caps word like "US" in "TOLD US" is only a country when the lexicon lists that exact
// spelling; folded matching of an all-caps single token would otherwise find "IS", "US" etc.
function isShouted(words: string[], entry: LexiconEntry): boolean {
  const word = words[0] ?? '';
  if (words.length !== 1 || !/^\p{Lu}{2,}$/u.test(word)) return false;
  return !entry.acronyms.includes(word) && entry.name !== word && !entry.aliases.includes(word);
}

function isTitleCase(tokens: Token[]): boolean {
  // Headlines carry no closing punctuation; a sentence that ends in one is prose.
  if (/^[.!?"”’]$/.test(tokens.at(-1)?.text ?? '')) return false;
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 4) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length >= 0.7;
}

/** Single-word mentions of a person's surname or given name join the full name. */
function resolvePeople(found: Found[]): void {
  const people = found.filter((f) => f.type === 'PERSON');
  const full = people.filter((p) => p.name.includes(' '));
  for (const p of people) {
    if (!p.name.includes(' ')) {
      const match = full.find((f) => f.name.split(' ').at(-1) === p.name);
      if (match) p.name = match.name;
    }
    p.key = entityKey('PERSON', p.name);
  }
  // A lone surname that matches no full name is too weak to be a node on its own.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i];
    if (f && f.type === 'PERSON' && !f.name.includes(' ')) found.splice(i, 1);
  }
}

function groupEntities(found: Found[]): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  for (const f of found) {
    let e = byKey.get(f.key);
    if (!e) {
      const aliases = f.entry ? [...f.entry.acronyms, ...f.entry.aliases] : [];
      e = { key: f.key, name: f.name, type: f.type, aliases, mentions: [] };
      byKey.set(f.key, e);
    }
    e.mentions.push({ start: f.start, end: f.end, surface: f.surface });
    if (f.surface !== e.name && !e.aliases.includes(f.surface)) e.aliases.push(f.surface);
  }
  return [...byKey.values()];
}

function evidenceFor(sentences: Span[], index: number, text: string, confidence: number): Evidence | undefined {
  const s = sentences[index];
  if (!s) return undefined;
  return { start: s.start, end: s.end, sentence: text.slice(s.start, s.end), confidence };
}

/** Curated links (agency hierarchy, affiliations, places) between entities the article names. */
function lexiconRelations(found: Found[], sentences: Span[], text: string): ExtractedRelation[] {
  const byName = new Map<string, Found[]>();
  for (const f of found) {
    const list = byName.get(f.name);
    if (list) list.push(f);
    else byName.set(f.name, [f]);
  }
  const out: ExtractedRelation[] = [];
  const links: Array<[keyof LexiconEntry, RelationType]> = [
    ['parent', 'PART_OF'],
    ['affiliate', 'AFFILIATED_WITH'],
    ['in', 'LOCATED_IN'],
  ];
  for (const [name, mentions] of byName) {
    const entry = mentions[0]?.entry;
    if (!entry) continue;
    for (const [field, type] of links) {
      const targetName = entry[field];
      if (typeof targetName !== 'string') continue;
      const targets = byName.get(targetName);
      if (!targets || targets.length === 0 || !targets[0]) continue;
      // Prefer a sentence naming both; else the first sentence naming the child.
      const shared = mentions.find((m) => targets.some((t) => t.sentence === m.sentence));
      const at = shared ?? mentions[0];
      if (!at) continue;
      const evidence = evidenceFor(sentences, at.sentence, text, shared ? 0.9 : 0.6);
      if (evidence) out.push({ source: entityKey(entry.type, name), target: targets[0].key, type, evidence });
    }
  }
  return out;
}

/** Entities named in the same sentence are linked, with that sentence as evidence. */
function coMentions(found: Found[], sentences: Span[], text: string): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const bySentence = new Map<number, string[]>();
  for (const f of found) {
    const keys = bySentence.get(f.sentence) ?? [];
    if (!keys.includes(f.key)) keys.push(f.key);
    bySentence.set(f.sentence, keys);
  }
  for (const [si, keys] of bySentence) {
    if (keys.length < 2 || keys.length > MAX_COMENTION_ENTITIES) continue;
    const evidence = evidenceFor(sentences, si, text, 0.3);
    if (!evidence) continue;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i];
        const b = keys[j];
        if (a && b) out.push({ source: a, target: b, type: 'MENTIONED_WITH', evidence });
      }
    }
  }
  return out;
}

/**
 * One relation per (pair, type, sentence). A typed link makes the plain co-mention of the
 * same pair redundant.
 */
function dedupeRelations(relations: ExtractedRelation[]): ExtractedRelation[] {
  const typedPairs = new Set(
    relations.filter((r) => r.type !== 'MENTIONED_WITH').map((r) => pairKey(r.source, r.target)),
  );
  const seen = new Set<string>();
  return relations.filter((r) => {
    if (r.type === 'MENTIONED_WITH' && typedPairs.has(pairKey(r.source, r.target))) return false;
    const k = `${r.source}|${r.type}|${r.target}|${r.evidence.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The key an entity has within one extraction: its type and canonical name. */
export function entityKey(type: EntityType, name: string): string {
  return `${type}:${name}`;
}
