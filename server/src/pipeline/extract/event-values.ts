import * as chrono from 'chrono-node';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
};

/** The value of a number written in digits ("1,200") or as a word ("eight"). */
export function numberValue(word: string): number | undefined {
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(word)) return Number(word.replace(/,/g, ''));
  return NUMBER_WORDS[word.toLowerCase()];
}

/** A reporting verb (and whom it was told) just before a date: the date is the telling's. */
const SAID_BEFORE = /\b(?:said|says|told(?: [A-Z][\w.]*){1,3}|announced|confirmed|reported|stated)\s+(?:on\s+|late\s+|early\s+)?$/;

/** A date stated in the sentence, resolved against the publication date when there is one. */
export function dateOf(sentence: string, publishedAt: string | null): string | undefined {
  if (!/\d|January|February|March|April|May|June|July|August|September|October|November|December|day|week|month|year/i.test(sentence)) return undefined;
  const ref = publishedAt ? new Date(publishedAt) : undefined;
  const results = chrono.parse(sentence, ref ?? new Date(0), { forwardDate: false });
  for (const r of results) {
    // "…, officials told CNN Tuesday", "…, relatives said on Thursday": when it was said, not when it happened.
    if (SAID_BEFORE.test(sentence.slice(Math.max(0, r.index - 40), r.index))) continue;
    // Without a publication date only dates stated with their year mean anything: "last week"
    // would otherwise resolve against 1970.
    if (!ref && !(r.start.isCertain('year') && /\b\d{4}\b/.test(r.text))) continue;
    if (!r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('weekday')) continue;
    const date = r.start.date();
    // A news report tells what has happened: a bare weekday or weekend after the publication
    // date ("over the weekend", read on a Wednesday) is the one before it, unless the text says
    // it is still to come.
    if (ref && date.toISOString().slice(0, 10) > ref.toISOString().slice(0, 10) && !r.start.isCertain('day') && !/\b(?:next|coming|upcoming)\b/i.test(r.text)) date.setUTCDate(date.getUTCDate() - 7);
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}
