import { isDemonym, isLegislature, type Mention, type SentenceContext } from './mention.ts';

/** A mention an anaphor near an event trigger points back to, and its role. */
export interface Antecedent {
  mention: Mention;
  role: 'agent' | 'subject';
}

const PRONOUNS = new Set(['he', 'she']);
const COUNTRY_NOUNS = new Set(['country', 'homeland', 'government']);
const BODY_NOUNS = new Set(['department', 'agency', 'bureau', 'committee', 'office', 'administration', 'service']);
const SEARCH_BACK_SENTENCES = 3;
const cap = (w: string): string => (w[0]?.toUpperCase() ?? '') + w.slice(1);

function lastMention(ctx: SentenceContext, beforeToken: number, earlier: SentenceContext[], ok: (m: Mention) => boolean, maxBack = SEARCH_BACK_SENTENCES): Mention | undefined {
  const here = ctx.mentions.filter((m) => m.to <= beforeToken && ok(m));
  if (here.length > 0) return here[here.length - 1];
  for (let k = earlier.length - 1, n = 0; k >= 0 && n < maxBack; k--, n++) {
    const found = earlier[k]?.mentions.filter(ok) ?? [];
    if (found.length > 0) return found[found.length - 1];
  }
  return undefined;
}

/** "…, attorney Mark Ryzhkov said.", "said ICE spokeswoman Nicole Alberico": a person quoted as a source. */
function isSpeaker(ctx: SentenceContext, m: Mention, reporting: Set<string>): boolean {
  const word = (k: number): string => ctx.tokens[k]?.text.toLowerCase() ?? '';
  // (also as an appositive: "…, his attorney, Sarah Lindqvist, said.")
  if (reporting.has(word(m.to)) || (word(m.to) === ',' && reporting.has(word(m.to + 1)))) return true;
  for (let k = m.from - 1; k >= Math.max(0, m.from - 4); k--) {
    if (reporting.has(word(k))) return true;
    if (!/^\p{L}+$/u.test(ctx.tokens[k]?.text ?? '')) break;
  }
  return false;
}

/**
 * The person an event's "he" or "she" stands for: the last one named before it, though in earlier
 * sentences a person who is only quoted ("…, his lawyer Mark Ryzhkov said. She is being held…")
 * yields to one who is not.
 */
function lastPerson(ctx: SentenceContext, beforeToken: number, earlier: SentenceContext[], reporting: Set<string>): Mention | undefined {
  const person = (m: Mention): boolean => m.type === 'PERSON';
  const here = ctx.mentions.filter((m) => m.to <= beforeToken && person(m));
  if (here.length > 0) return here[here.length - 1];
  const back = earlier.slice(-SEARCH_BACK_SENTENCES);
  for (let k = back.length - 1; k >= 0; k--) {
    const c = back[k];
    const found = c?.mentions.filter((m) => person(m) && !isSpeaker(c, m, reporting)) ?? [];
    if (found.length > 0) return found[found.length - 1];
  }
  return lastMention(ctx, beforeToken, earlier, person);
}

/**
 * Resolves the anaphors that matter for an event: "he"/"she" as its subject (a pronoun just
 * before the trigger, or opening the sentence unless a reporting verb follows — then it is
 * the speaker), "his home country" (the last demonym), and "the department" (the last agency
 * whose name has that head noun, anywhere earlier in the article); with `clause`, the nouns are
 * looked for only inside the trigger's clause, and its `passive` says the trigger's voice.
 */
export function findAntecedent(ctx: SentenceContext, trigger: number, earlier: SentenceContext[], reporting: Set<string>, clause?: { lo: number; hi: number; passive?: boolean }): Antecedent[] {
  const out: Antecedent[] = [];
  const tokens = ctx.tokens;
  // (The caller may know better: "He was taken into custody … and transferred to…" is passive too.)
  const passive = clause?.passive ?? [tokens[trigger - 1], tokens[trigger - 2]].some((t) => t && /^(was|were|been|being|be|is|are|got)$/i.test(t.text));
  const roleAt = (k: number): 'agent' | 'subject' => (k < trigger && !passive ? 'agent' : 'subject');

  const pronounAt = (k: number): boolean => PRONOUNS.has(tokens[k]?.text.toLowerCase() ?? '');
  let pronoun = -1;
  for (let k = trigger - 1; k >= Math.max(0, trigger - 4); k--) if (pronounAt(k)) pronoun = k;
  if (pronoun < 0 && pronounAt(0) && !tokens.slice(1, 4).some((t) => reporting.has(t.text.toLowerCase()))) pronoun = 0;
  if (pronoun >= 0) {
    const person = lastPerson(ctx, pronoun, earlier, reporting);
    if (person) out.push({ mention: person, role: roleAt(pronoun) });
  }

  // "The GKNB says it has arrested 11 people": "it" right before the trigger is the body just named.
  const it = [trigger - 1, trigger - 2, trigger - 3].find((k) => k >= 0 && tokens[k]?.text.toLowerCase() === 'it');
  if (it !== undefined && !passive) {
    const body = lastMention(ctx, it, earlier, (m) => m.type === 'AGENCY' || m.type === 'ORGANIZATION', 1);
    if (body) out.push({ mention: body, role: 'agent' });
  }

  // "arrested him", "took him into custody": the object pronoun is the subject of the event.
  // "ordered him deported", "had her arrested": the pronoun before a participle too.
  const intoCustody = tokens[trigger - 1]?.text.toLowerCase() === 'into' && /^(him|her)$/i.test(tokens[trigger - 2]?.text ?? '');
  const beforeParticiple = /^(him|her)$/i.test(tokens[trigger - 1]?.text ?? '') && /ed$/i.test(tokens[trigger]?.text ?? '');
  if (/^(him|her)$/i.test(tokens[trigger + 1]?.text ?? '') || intoCustody || beforeParticiple) {
    const person = lastMention(ctx, trigger, earlier, (m) => m.type === 'PERSON');
    if (person) out.push({ mention: person, role: 'subject' });
  }

  // "the bureau received warnings … before he was arrested": only nouns in the trigger's own clause.
  for (let k = Math.max(1, trigger - 12, clause?.lo ?? 0); k < Math.min(tokens.length, trigger + 15, clause?.hi ?? tokens.length); k++) {
    const word = tokens[k]?.text.toLowerCase() ?? '';
    const before = tokens[k - 1]?.text.toLowerCase() ?? '';
    if (COUNTRY_NOUNS.has(word) && /^(home|his|her|their)$/.test(before)) {
      const country = lastMention(ctx, k, earlier, isDemonym, 2);
      if (country) out.push({ mention: country, role: roleAt(k) });
    } else if (BODY_NOUNS.has(word) && !/^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') && tokens[k + 1]?.text !== 'of') {
      // "the department", or with the word that names it: "the sheriff's office", "the police department".
      const qualifier = before === 'the' ? [] : /^['’]s$/.test(before) && tokens[k - 3]?.text.toLowerCase() === 'the' ? [`${cap(tokens[k - 2]?.text ?? '')}'s`] : tokens[k - 2]?.text.toLowerCase() === 'the' && /^\p{Ll}+$/u.test(before) ? [cap(before)] : undefined;
      if (!qualifier) continue;
      const words = [...qualifier, cap(word)];
      // "Lyons said the agency had arrested…": any government body may be called "the agency" (not a legislature or court).
      const anyAgency = word === 'agency' && qualifier.length === 0;
      const fits = (m: Mention): boolean =>
        m.type === 'AGENCY' &&
        (anyAgency
          ? !isLegislature(m.name) && !/\bCourt\b/.test(m.name) && /^\p{Lu}/u.test(m.surface)
          : words.every((w) => m.name.replace(/’/g, "'").split(' ').includes(w)));
      const body = lastMention(ctx, k - 1, earlier, fits, Number.MAX_SAFE_INTEGER);
      // "…, the agency confirmed": the body announcing its own act is its agent.
      const announcing = reporting.has(tokens[k + 1]?.text.toLowerCase() ?? '');
      if (body) out.push({ mention: body, role: announcing ? 'agent' : roleAt(k) });
    }
  }
  return out;
}
