import type { RelationType } from '../../domain/types.ts';
import { isDemonym, type Mention, type SentenceContext } from './mention.ts';
import { isPersonTitle } from './people.ts';

/** A typed link stated inside one sentence. */
export interface RuleRelation {
  source: Mention;
  target: Mention;
  type: RelationType;
}

/** A relation rule: a named family of phrasings, its example sentence its test. */
export interface RelationRule {
  id: string;
  description: string;
  /** A sentence the rule reads, written in our own words, and one link it must find there. */
  example: string;
  expect: { source: string; type: RelationType; target: string };
  find: (ctx: SentenceContext) => RuleRelation[];
}

const NATIONALITY_NOUNS = /^(named|national|nationals|citizen|citizens|man|woman|men|women|migrant|migrants|immigrant|native)$/i;
const SPEAKER_TITLES = /^(?:spokesman|spokeswoman|spokesperson|spokespeople|representative|lawyer|attorney|director|official|officer|agent)$/i;
// Words of an office between a nationality and a name ("Tajik Foreign Minister", "Afghan Interior Minister").
const OFFICE_WORDS = /^(?:Foreign|Interior|Defense|Defence|Home|Finance|Justice|Security|Affairs|Minister|Ambassador|Envoy|Consul|Ministers)$/;
const BODY_TYPES = new Set(['AGENCY', 'ORGANIZATION']);
/** Words of a title between a body and a name: "FBI Director X", "former ICE section chief X". */
const TITLE_WORDS = new Set([
  'former', 'ex', 'acting', 'deputy', 'assistant', 'associate', 'senior', 'chief', 'head', 'director', 'section', 'unit', 'field', 'office',
  'special', 'agent', 'agents', 'officer', 'officers', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'commissioner',
  'administrator', 'leader', 'commander', 'analyst', 'counsel', 'attorney', 'general', 'inspector', 'deputy-director', 'executive',
  'member', 'founder', 'co-founder', 'chairman', 'chairwoman', 'chair', 'ranking', 'then', '-', 'officials', 'affairs', 'operations',
  'relations', 'services', 'communications', 'press', 'intelligence', 'counterterrorism', 'security',
]);

const NOT_IN_TITLES = /^(a|an|the|said|says|and|or|of|by|to|with|told|that|against|for|on|in|at|from|is|was|were|are|be|been|has|have|had|will|would|could|its|his|her|their|who|which|as|after|before|into|about|not|never|no|did|do|does|say|tell|whether|if|when|while|can|may|might|must|should|shall|then|also|still|yet|but|so|because|than|over|under|how|why|what|where)$/i;

/** A word that can sit in a title phrase ("counterterrorism official", "section chief"); verbs and function words cannot. */
function isTitleWord(w: string): boolean {
  if (!/^[\p{L}-]+$/u.test(w) || NOT_IN_TITLES.test(w)) return false;
  // "ICE arrests X", "CBP releases X": a lower-case word in -s, -ed or -ing is a verb unless it is a known title word.
  return /^\p{Lu}/u.test(w) || TITLE_WORDS.has(w.toLowerCase()) || !/(?:ed|ing|s)$/i.test(w);
}

const textAt = (ctx: SentenceContext, k: number): string => ctx.tokens[k]?.text ?? '';
const lower = (ctx: SentenceContext, k: number): string => textAt(ctx, k).toLowerCase();

/**
 * Relations stated by common news phrasings, independent of any one article:
 *  - nationality: "an Afghan named X", "Tajik national X", "X, an Uzbek citizen", "Uzbek President X";
 *  - membership: "FBI Director X", "former FBI section chief X", "X, a member of Y", "X, …who chairs Y";
 *  - activity: "countries like A, B and C, where Y has been active", "Y is active in A";
 *  - affiliation: "Y and its affiliate, Z", "Y, once allied with Z", "its leader pledged allegiance to Z";
 *  - parts: "ICE Air Operations", "ERO Philadelphia's Fugitive Operations Team".
 */
export function ruleRelations(ctx: SentenceContext): Array<RuleRelation & { rule: string }> {
  return RELATION_RULES.flatMap((r) => r.find(ctx).map((found) => ({ ...found, rule: r.id })));
}

/** The relation rules, in the order they run. */
export const RELATION_RULES: readonly RelationRule[] = [
  {
    id: 'nationality',
    description: 'A demonym or "a national of" next to a person: "Tajik national X", "X, an Uzbek citizen", "Uzbek President X".',
    example: 'Police questioned Karim Valiev, an Uzbek citizen, on Monday.',
    expect: { source: 'Karim Valiev', type: 'NATIONAL_OF', target: 'Uzbekistan' },
    find: (ctx) => nationality(ctx),
  },
  {
    id: 'membership',
    description: 'A body and a title before a name, or "X, a member of Y": "FBI Director X", "former ICE section chief X".',
    example: 'FBI Director Dana Whitlock spoke to reporters.',
    expect: { source: 'Dana Whitlock', type: 'MEMBER_OF', target: 'Federal Bureau of Investigation' },
    find: (ctx) => membership(ctx),
  },
  {
    id: 'activity',
    description: 'Where a group operates: "countries like A and B, where Y has been active", "Y is active in A", "Y, the A-based branch".',
    example: 'Al-Shabaab is active in Somalia and Kenya.',
    expect: { source: 'al-Shabaab', type: 'ACTIVE_IN', target: 'Somalia' },
    find: (ctx) => activity(ctx),
  },
  {
    id: 'affiliation',
    description: 'Alliances between groups: "Y and its affiliate, Z", "Y, once allied with Z", "pledged allegiance to Z".',
    example: 'ISIS and its affiliate, ISIS-K, claimed the attack.',
    expect: { source: 'ISIS-K', type: 'AFFILIATED_WITH', target: 'ISIS' },
    find: (ctx) => affiliation(ctx),
  },
  {
    id: 'unit-of-agency',
    description: 'A body the lexicon does not know, named after an agency or as its possession, is part of it: "ICE Air Operations".',
    example: "ICE Air Operations flew the men to Dushanbe.",
    expect: { source: 'ICE Air Operations', type: 'PART_OF', target: 'Immigration and Customs Enforcement' },
    find: (ctx) => units(ctx),
  },
];

/**
 * "ICE Air Operations", "ERO Philadelphia's Fugitive Operations Team": a body the lexicon does
 * not know, named after an agency or as its possession, is part of it.
 */
function units(ctx: SentenceContext): RuleRelation[] {
  const out: RuleRelation[] = [];
  for (const unit of ctx.mentions) {
    if (unit.type !== 'AGENCY' || unit.entry) continue;
    const owner = [...ctx.mentions].reverse().find((m) => m.to <= unit.from && m.type === 'AGENCY');
    if (!owner || owner.key === unit.key) continue;
    const gap = ctx.tokens.slice(owner.to, unit.from);
    const prefix = gap.length === 0 && unit.name.startsWith(`${owner.surface} `);
    const possessive =
      gap.length > 0 &&
      /^['’]s$/.test(gap.at(-1)?.text ?? '') &&
      gap.slice(0, -1).every((_, n) => ctx.mentions.some((o) => o.type === 'LOCATION' && o.from <= owner.to + n && owner.to + n < o.to));
    if (prefix || possessive) out.push({ source: unit, target: owner, type: 'PART_OF' });
  }
  return out;
}

function nationality(ctx: SentenceContext): RuleRelation[] {
  const out: RuleRelation[] = [];
  const people = ctx.mentions.filter((m) => m.type === 'PERSON');
  for (const p of people) {
    for (const c of ctx.mentions.filter(isDemonym)) {
      // DEMONYM (named|national|man…)? PERSON
      const gapBefore = p.from - c.to;
      const between = ctx.tokens.slice(c.to, p.from).map((t) => t.text);
      // …or DEMONYM TITLE PERSON: "Uzbek President Shavkat Mirziyoyev", "Tajik Foreign Minister X".
      const titled = gapBefore >= 1 && gapBefore <= 4 && between.every((w) => isPersonTitle(w) || OFFICE_WORDS.test(w)) && between.some((w) => isPersonTitle(w));
      if ((gapBefore >= 0 && gapBefore <= 2 && between.every((w) => NATIONALITY_NOUNS.test(w))) || titled) {
        out.push({ source: p, target: c, type: 'NATIONAL_OF' });
        continue;
      }
      // PERSON, a/an DEMONYM (national|citizen|man…), also after an age: "Carlos Mendoza, 34, a Honduran citizen"
      const after = textAt(ctx, p.to) === ',' && /^\d{1,3}$/.test(textAt(ctx, p.to + 1)) && textAt(ctx, p.to + 2) === ',' ? p.to + 2 : p.to;
      // …or with the age or a word inside: "Yusuf Karimov, a 41-year-old Uzbek asylum seeker",
      // "Abdul Wasi Safi, a former Afghan commando"
      let article = c.from - 1;
      while (article > c.from - 3 && (/^\d{1,3}-year-old$/.test(textAt(ctx, article)) || /^(?:former|retired|young|fellow)$/.test(textAt(ctx, article)))) article--;
      if (c.from > after && article - after <= 2 && textAt(ctx, after) === ',' && /^(a|an|the)$/i.test(textAt(ctx, article))) {
        out.push({ source: p, target: c, type: 'NATIONAL_OF' });
      }
    }
  }
  return out;
}

function membership(ctx: SentenceContext): RuleRelation[] {
  const out: RuleRelation[] = [];
  for (const p of ctx.mentions.filter((m) => m.type === 'PERSON')) {
    // A title phrase right before the name: "[former] ORG [words] PERSON", no punctuation or verb between.
    const body = [...ctx.mentions].reverse().find((m) => BODY_TYPES.has(m.type) && m.to <= p.from && p.from - m.to <= 5);
    if (body) {
      const gap = ctx.tokens.slice(body.to, p.from).map((t) => t.text);
      // "An FBI spokeswoman, Carla Reyes, said": the title phrase may stand before the name as an appositive.
      const fronted = gap.at(-1) === ',' && gap.length >= 2 && /^(a|an|the)$/i.test(textAt(ctx, body.from - 1)) && textAt(ctx, p.to) === ',';
      // "A spokeswoman for ICE, Leticia Zamarripa, said".
      const titleFor = gap.length === 1 && gap[0] === ',' && lower(ctx, body.from - 1) === 'for' && SPEAKER_TITLES.test(textAt(ctx, body.from - 2)) && textAt(ctx, p.to) === ',';
      if (titleFor || (fronted ? gap.slice(0, -1) : gap).every(isTitleWord)) {
        const lead = [lower(ctx, body.from - 1), lower(ctx, body.from - 2), ...gap.map((w) => w.toLowerCase())];
        out.push({ source: p, target: body, type: lead.includes('former') || lead.includes('ex') ? 'FORMER_MEMBER_OF' : 'MEMBER_OF' });
        continue;
      }
    }
    // "PERSON, (the|a) [former] ORG title," or "PERSON … (a) member of ORG"
    for (const m of ctx.mentions) {
      if (!BODY_TYPES.has(m.type) || m.from <= p.to || m.from - p.to > 10) continue;
      const between = ctx.tokens.slice(p.to, m.from).map((t) => t.text.toLowerCase());
      // An appositive is a noun phrase: "X, the FBI's director", "X, a former ICE agent", "X, ICE director".
      const appositive =
        between[0] === ',' &&
        between.length <= 7 &&
        (between.length === 1 || /^(the|a|an)$/.test(between[1] ?? '') || TITLE_WORDS.has(between[1] ?? '')) &&
        !between.slice(1).includes(',') &&
        !between.some((w) => /^(said|says|told|and|who|which|that)$/.test(w));
      // "X, director of the Y", also of a branch: "executive director of the Minnesota chapter of the Y".
      const memberOf = between.join(' ').match(/\b(former\s+)?(member|members|leader|head|chief|director|spokesman|spokeswoman|spokesperson|official|agent|officer|chairman|chairwoman|chair|secretary|commissioner|administrator|founder|commander) of( the)?(?:(?: [\w.-]+){0,2} (?:chapter|branch|office|division|unit|affiliate|arm|wing) of(?: the)?)?$/);
      // "Rep. Mark Green, a Tennessee Republican who chairs the House Homeland Security Committee"
      const leads = between[0] === ',' && /\bwho (?:now |also )?(?:chairs|leads|heads|directs|runs|oversees|chaired|led|headed|directed|ran|oversaw)( the)?$/.test(between.join(' '));
      // "Maria Lopez of the Las Americas Immigrant Advocacy Center", "Edward Lemon of Texas A&M University"
      const of = (between.length === 1 && between[0] === 'of') || (between.length === 2 && between[0] === 'of' && between[1] === 'the');
      // "no evidence that X was a member of MS-13", "X denied being a member": no membership.
      const denied = between.some((w) => /^(?:not|never|no)$/.test(w)) || ctx.tokens.slice(Math.max(0, p.from - 4), p.from).some((x) => /^(?:evidence|denied|denies|deny|falsely|wrongly)$/i.test(x.text));
      if ((appositive || memberOf || leads || of) && !denied) {
        const former = between.includes('former') || between.includes('ex');
        out.push({ source: p, target: m, type: former ? 'FORMER_MEMBER_OF' : 'MEMBER_OF' });
        break;
      }
    }
    if (out.some((r) => r.source === p)) continue;
    // "The Hillsborough County Sheriff's Office has joined…, Sheriff Chad Chronister announced",
    // "Chief Patrol Agent John Modlin" and the Border Patrol: a title that names the body.
    const title: string[] = [];
    for (let k = p.from - 1; k >= Math.max(0, p.from - 4) && !ctx.mentions.some((m) => k >= m.from && k < m.to); k--) {
      const w = textAt(ctx, k);
      if (/^\p{Lu}\p{Ll}+$/u.test(w)) title.push(w);
      else if (w !== '.') break;
    }
    const named = ctx.mentions.find((m) => BODY_TYPES.has(m.type) && m.name.replace(/['’]s\b/g, '').split(' ').some((w) => title.includes(w) && !GENERIC_NAME_WORDS.has(w)));
    if (named) out.push({ source: p, target: named, type: 'MEMBER_OF' });
  }
  return out;
}

// Words in many bodies' names: a title sharing one of them says nothing.
const GENERIC_NAME_WORDS = new Set(['Department', 'Office', 'Agency', 'Service', 'Services', 'Bureau', 'National', 'Federal', 'State', 'States', 'United', 'County', 'City', 'General', 'Committee', 'Administration', 'Council', 'Commission', 'House', 'Senate']);

function activity(ctx: SentenceContext): RuleRelation[] {
  const out: RuleRelation[] = [];
  const places = (m: Mention): boolean => m.type === 'COUNTRY' || m.type === 'LOCATION';
  ctx.tokens.forEach((tok, k) => {
    if (!/^(active|operates|operating|operated)$/i.test(tok.text)) return;
    const actor = [...ctx.mentions].reverse().find((m) => m.type === 'ORGANIZATION' && m.to <= k && k - m.to <= 4);
    if (!actor) return;
    const where = lower(ctx, actor.from - 1) === 'where' || lower(ctx, actor.from - 2) === 'where';
    // "…A, B and C, where Y has been active": the places listed before "where".
    const targets = where
      ? ctx.mentions.filter((m) => places(m) && m.to <= actor.from)
      : ctx.mentions.filter((m) => places(m) && m.from > k && m.from - k <= 8);
    for (const t of targets) out.push({ source: actor, target: t, type: 'ACTIVE_IN' });
  });
  // "ISKP, the Afghanistan-based branch…": a group based in a place is active there.
  ctx.tokens.forEach((tok, k) => {
    if (tok.text !== '-based') return;
    const place = ctx.mentions.find((m) => places(m) && m.to === k);
    const group = [...ctx.mentions].reverse().find((m) => m.type === 'ORGANIZATION' && m.to <= (place?.from ?? 0) && (place?.from ?? 0) - m.to <= 4);
    if (place && group) out.push({ source: group, target: place, type: 'ACTIVE_IN' });
  });
  return out;
}

function affiliation(ctx: SentenceContext): RuleRelation[] {
  const out: RuleRelation[] = [];
  // "The IMU, once allied with the Taliban and al-Qaeda, … its leader pledged allegiance to the Islamic State".
  ctx.tokens.forEach((tok, k) => {
    const allied = /^(?:allied|aligned|affiliated)$/i.test(tok.text) && lower(ctx, k + 1) === 'with';
    const pledged = /^allegiance$/i.test(tok.text) && lower(ctx, k + 1) === 'to';
    if (!allied && !pledged) return;
    const orgs = ctx.mentions.filter((m) => m.type === 'ORGANIZATION');
    const source = orgs.find((m) => m.to <= k);
    let next = k + 2;
    for (const target of orgs.filter((m) => m.from >= k + 2)) {
      // The first one named after the verb, and those joined to it by "and" or a comma.
      if (!ctx.tokens.slice(next, target.from).every((x) => /^(?:the|and|,)$/i.test(x.text))) break;
      if (source && source.key !== target.key) out.push({ source, target, type: 'AFFILIATED_WITH' });
      next = target.to;
    }
  });
  ctx.tokens.forEach((tok, k) => {
    if (!/^affiliates?$/i.test(tok.text) || lower(ctx, k - 1) !== 'its') return;
    const parent = [...ctx.mentions].reverse().find((m) => m.type === 'ORGANIZATION' && m.to <= k - 1);
    const child = ctx.mentions.find((m) => m.type === 'ORGANIZATION' && m.from > k && m.from - k <= 3);
    if (parent && child && parent.key !== child.key) out.push({ source: child, target: parent, type: 'AFFILIATED_WITH' });
  });
  return out;
}
