import type { Entity } from './api.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Who an event happened to, in order of preference: people first, places last. */
const WHO_ORDER: Record<string, number> = { PERSON: 0, ORGANIZATION: 1, AGENCY: 2, COUNTRY: 3, LOCATION: 4, EVENT: 5 };
const MAX_WHO = 26;

/** "Jun 2024" from a YYYY-MM-DD (or YYYY-MM) date; null otherwise. */
export function monthOf(date: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : null;
}

/**
 * What an event node says on the canvas: what happened, to whom, when — "Arrest · 8 Tajik
 * nationals · Jun 2024" — instead of its full name ("Arrest: ICE, Tajik nationals (2024-06-11)").
 * `participants` are the entities linked to it that are known; a person or organisation among
 * the names in its name is preferred, then a name not known yet (the last), then an agency or a
 * place.
 * Other entities keep their name.
 */
export function caption(entity: Entity, participants: readonly Entity[] = []): string {
  if (entity.type !== 'EVENT') return entity.name;
  const m = /^([^:]+):\s*(.*?)(?:\s*\((\d{4}-\d{2}(?:-\d{2})?)\))?$/.exec(entity.name);
  const kind = entity.eventType ?? m?.[1]?.trim() ?? 'Event';
  const names = (m?.[2] ?? '')
    .split(/,\s*/)
    .map((n) => n.replace(/\s*\+\d+$/, '').trim())
    .filter(Boolean);
  const known = participants.filter((p) => names.includes(p.name)).sort((a, b) => (WHO_ORDER[a.type] ?? 9) - (WHO_ORDER[b.type] ?? 9));
  const unknown = names.filter((n) => !participants.some((p) => p.name === n));
  // An agency or a place is rarely whom it happened to: a name not known (yet) is likelier to be.
  const best = known[0];
  let who = (best && ((WHO_ORDER[best.type] ?? 9) < 2 || unknown.length === 0) ? best.name : unknown.at(-1)) ?? '';
  const count = entity.count ?? null;
  if (who && count !== null && count > 1 && !/^\d/.test(who)) who = /s$/i.test(who) ? `${count} ${who}` : `${who} +${count - 1}`;
  if (who.length > MAX_WHO) who = `${who.slice(0, MAX_WHO - 1)}…`;
  return [kind, who, monthOf(entity.date ?? m?.[3])].filter(Boolean).join(' · ');
}
