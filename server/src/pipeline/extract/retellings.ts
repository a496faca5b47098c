import { eventFrames, type EventFrames, type EventType } from './event-frames.ts';
import type { FoundEvent, Role } from './found-event.ts';
import { entityKey, type SentenceContext } from './mention.ts';

/**
 * "Federal agents arrested a Somali national in Minneapolis … Hassan, 27, was taken into custody
 * by the FBI's Joint Terrorism Task Force": a story often tells one arrest twice, in its lede and
 * then in detail. A later event of the same type whose subjects include a person the earlier one
 * has is a retelling, unless the two name different agents, places, dates or counts, or the later
 * one says it is another ("rearrested", "later"). So is an act on "the men" or "they" right after one on
 * a group named by nationality with nobody named. Maps each retelling to the first telling.
 */
export function retellings(events: FoundEvent[], contexts: SentenceContext[], frames: EventFrames = eventFrames()): Map<FoundEvent, FoundEvent> {
  // Two tellings are one event as their frame says (data/lexicon/event-frames.json, "retold").
  const retold = (e: FoundEvent): string => frames.byType.get(e.type as EventType)?.retold ?? 'never';
  const firstOf = new Map<FoundEvent, FoundEvent>();
  const keys = (e: FoundEvent, role: Role, type?: string): string[] =>
    e.participants.filter((p) => p.role === role && (!type || p.mention.type === type)).map((p) => p.mention.key);
  // An agency and its part are not different agents ("ICE" and "ICE Enforcement and Removal Operations
  // Houston"); two parts of one department are (CBP and ICE).
  const agents = (e: FoundEvent): Array<{ key: string; parent?: string }> =>
    e.participants.filter((p) => p.role === 'agent').map((p) => ({ key: p.mention.key, ...(p.mention.entry?.parent ? { parent: entityKey('AGENCY', p.mention.entry.parent) } : {}) }));
  const otherAgents = (a: ReturnType<typeof agents>, b: ReturnType<typeof agents>): boolean =>
    a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => x.key === y.key || x.parent === y.key || y.parent === x.key));
  // Both name who acted, or where, and they differ: two events ("released by CBP" … "a judge released him on bond").
  const differ = (a: string[], b: string[]): boolean => a.length > 0 && b.length > 0 && !a.some((k) => b.includes(k));
  const triggerWord = (e: FoundEvent): string => contexts[e.sentence]?.tokens[e.trigger]?.text.toLowerCase() ?? '';
  // Whom a telling is about: its subjects, and in a hearing whoever stood in it ("X pleaded guilty").
  const about = (e: FoundEvent): string[] => [...keys(e, 'subject', 'PERSON'), ...(e.type === 'Hearing' ? keys(e, 'agent', 'PERSON') : [])];
  // "Federal authorities have arrested eight men from Tajikistan … The men were taken into custody by
  // ICE in New York…": a group told of again by "the men" or "they", with nobody named.
  const nationalsOf = (e: FoundEvent): string[] => e.participants.filter((p) => p.role === 'subject' && p.asPeople === true).map((p) => p.mention.key).sort();
  const nationals = (e: FoundEvent): boolean => nationalsOf(e).length > 0;
  // (Or by "they" anywhere in a sentence soon after: "…and they were arrested on immigration charges".)
  const grouped = (e: FoundEvent): boolean => theGroup(e, contexts, frames.people) || e.group !== undefined;
  // "…parole of more than 70,000 Afghan nationals … tens of thousands of Afghans were admitted": the
  // same nationals, nobody named, nothing else differing, are the same act.
  const sameNationals = (prev: FoundEvent, e: FoundEvent): boolean =>
    about(prev).length === 0 &&
    nationals(prev) &&
    nationalsOf(prev).join() === nationalsOf(e).join() &&
    !differ(keys(prev, 'place'), keys(e, 'place')) &&
    // (Both by the same named agent, or neither naming one: "base police arrested the pair … ERO officers arrested them" are two.)
    ((keys(prev, 'agent').length === 0 && keys(e, 'agent').length === 0) || sameAgent(prev, e));
  const regroup = (prev: FoundEvent, e: FoundEvent): boolean => about(prev).length === 0 && nationals(prev) && e.sentence - prev.sentence <= 3 && grouped(e);
  // One speaker's statements in a story are one statement; one attack told again without another
  // place or perpetrator is the same attack ("the bombing in Kerman … the blasts").
  const sameAgent = (a: FoundEvent, b: FoundEvent): boolean => keys(a, 'agent').some((k) => keys(b, 'agent').includes(k));
  const samePlace = (a: FoundEvent, b: FoundEvent): boolean =>
    !differ(keys(a, 'place'), keys(b, 'place')) && !otherAgents(agents(a), agents(b)) && (a.count === undefined || b.count === undefined || a.count === b.count);
  // A headline tells in short what the story then tells in full: a body event of the headline
  // event's type that shares a participant with it is that event.
  const participantKeys = (e: FoundEvent): string[] => e.participants.map((p) => p.mention.key);
  const headline = (prev: FoundEvent, e: FoundEvent): boolean =>
    contexts[prev.sentence]?.isTitle === true && prev.type === e.type && participantKeys(prev).some((k) => participantKeys(e).includes(k)) && !otherAgents(agents(prev), agents(e));
  events.forEach((e, i) => {
    // "Border Patrol reports arrests of 2 suspected terrorists … agents apprehended a man": one of
    // several acts told together is not a retelling of them all.
    const earlier = events.slice(0, i).filter((prev) => !prev.several || e.several === true);
    // "Homan said the arrest should prompt a review": the arrest last told of.
    const pointed = e.anaphor ? [...earlier].reverse().find((prev) => !firstOf.has(prev) && prev.type === e.type) : undefined;
    if (pointed) {
      firstOf.set(e, pointed);
      return;
    }
    // …and a headline that names nobody ("Maryland man deported to El Salvador") is the story's first
    // telling of its type.
    // (the first that names the person the headline does not).
    const firstOfType = (prev: FoundEvent): boolean =>
      about(prev).length === 0 && about(e).length > 0 && !events.slice(events.indexOf(prev) + 1, i).some((x) => x.type === e.type && about(x).length > 0);
    // …and so is the story's first telling of the headline's type, when nothing in the two differs
    // ("Seven men arrested in North Rhine-Westphalia" over "German police arrested seven men").
    const firstInBody = (prev: FoundEvent): boolean =>
      !events.slice(events.indexOf(prev) + 1, i).some((x) => x.type === e.type && !contexts[x.sentence]?.isTitle) && samePlace(prev, e) && !differ(about(prev), about(e)) && !tellsAnother(e, contexts);
    const told = earlier.find(
        (prev) =>
          !firstOf.has(prev) &&
          prev.sentence !== e.sentence &&
          (headline(prev, e) || (contexts[prev.sentence]?.isTitle === true && prev.type === e.type && (firstOfType(prev) || firstInBody(prev)) && !otherAgents(agents(prev), agents(e)))),
      );
    if (told) {
      firstOf.set(e, told);
      return;
    }
    // "All eight men crossed … at the time they crossed the border": "they" in the same sentence, adding
    // no one, tells the same act.
    const again = e.group !== undefined ? earlier.find((prev) => !firstOf.has(prev) && prev.type === e.type && prev.sentence === e.sentence && participantKeys(e).every((k) => participantKeys(prev).includes(k))) : undefined;
    if (again) {
      firstOf.set(e, again);
      return;
    }
    const by = retold(e);
    // "another suspect arrested in the Netherlands … A further suspect from Tajikistan … was arrested by
    // authorities in the Netherlands": an act told only by where it happened is the one told there in full.
    const placesOnly = (x: FoundEvent): boolean => x.participants.length > 0 && x.participants.every((p) => p.role === 'place');
    const bare = by === 'subject' ? earlier.find((prev) => !firstOf.has(prev) && prev.type === e.type && prev.sentence !== e.sentence && placesOnly(prev) && keys(prev, 'place').every((k) => keys(e, 'place').includes(k))) : undefined;
    if (bare) {
      firstOf.set(e, bare);
      return;
    }
    if (by === 'agent' || by === 'place') {
      const first = earlier.find((prev) => !firstOf.has(prev) && prev.type === e.type && (by === 'agent' ? sameAgent(prev, e) : samePlace(prev, e)));
      if (first && !tellsAnother(e, contexts)) firstOf.set(e, first);
      return;
    }
    const mine = about(e);
    if (by !== 'subject' || (mine.length === 0 && !grouped(e) && !nationals(e)) || tellsAnother(e, contexts)) return;
    const first = earlier.find(
      (prev) =>
        !firstOf.has(prev) &&
        prev.type === e.type &&
        // A plea and a sentencing are two hearings: hearings are one only when told by the same word.
        (e.type !== 'Hearing' || triggerWord(prev) === triggerWord(e)) &&
        prev.sentence !== e.sentence &&
        (!prev.date || !e.date || prev.date === e.date) &&
        (prev.count === undefined || e.count === undefined || prev.count === e.count) &&
        !otherAgents(agents(prev), agents(e)) &&
        // A named person is arrested once: "in Minneapolis" and "near his home in Cedar-Riverside" are one arrest.
        (about(prev).some((k) => mine.includes(k)) || !differ(keys(prev, 'place', 'LOCATION'), keys(e, 'place', 'LOCATION'))) &&
        (about(prev).some((k) => mine.includes(k)) || (mine.length === 0 && (regroup(prev, e) || sameNationals(prev, e)))),
    );
    if (first) {
      firstOf.set(e, first);
      return;
    }
    // "A suspected ISIS terrorist … was arrested by ICE … ICE arrested Attoev on April 17": someone
    // unnamed, then named, by the same agent where nothing else differs.
    const unnamedFirst = earlier.find(
      (prev) =>
        !firstOf.has(prev) &&
        prev.type === e.type &&
        prev.unnamed === true &&
        about(prev).length === 0 &&
        mine.length > 0 &&
        sameAgent(prev, e) &&
        samePlace(prev, e) &&
        (!prev.date || !e.date || prev.date === e.date),
    );
    if (unnamedFirst) firstOf.set(e, unnamedFirst);
  });
  return firstOf;
}

/** A sentence that opens with a group told of before: "The men were…", "They are being held…". */
function theGroup(e: FoundEvent, contexts: SentenceContext[], people: ReadonlySet<string>): boolean {
  const words = (contexts[e.sentence]?.tokens ?? []).slice(0, 3).map((x) => x.text.toLowerCase());
  return words[0] === 'they' || (/^(?:the|these|those|both|all)$/.test(words[0] ?? '') && (people.has(words[1] ?? '') || people.has(words[2] ?? '')));
}

const ANOTHER_TIME = /^(?:again|later|afterwards?|subsequently|second|another|once|previously|earlier|prior|first|re-?(?:arrest|detain)\w*)$/i;

/** "was rearrested", "detained again", "a judge later released him", "had previously been arrested": a new event, not a retelling. */
function tellsAnother(e: FoundEvent, contexts: SentenceContext[]): boolean {
  const tokens = contexts[e.sentence]?.tokens ?? [];
  return tokens.slice(Math.max(0, e.trigger - 4), e.trigger + 4).some((t) => ANOTHER_TIME.test(t.text));
}
