import type { EntityType, Extraction } from '../../domain/types.ts';

/** The extraction in the shape ../shared/eval/score.mjs reads. */
export interface EvalJson {
  entities: Array<{ name: string; type: string; aliases: string[] }>;
  relations: Array<{ source: string; target: string; type: string }>;
  events: Array<{ type: string; participants: string[]; count?: number; date?: string }>;
}

const TYPE_NAMES: Record<EntityType, string> = {
  PERSON: 'Person',
  AGENCY: 'Agency',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  LOCATION: 'Location',
  EVENT: 'Event',
};

/** Converts an extraction to the evaluation format: entities by canonical name, relations by name. */
export function toEvalJson(extraction: Extraction): EvalJson {
  const nameOf = new Map(extraction.entities.map((e) => [e.key, e.name]));
  const seen = new Set<string>();
  const relations: EvalJson['relations'] = [];
  for (const r of extraction.relations) {
    if (r.type === 'PARTICIPATED_IN') continue; // events carry their participants
    const source = nameOf.get(r.source);
    const target = nameOf.get(r.target);
    if (!source || !target) continue;
    const k = `${source}|${r.type}|${target}`;
    if (seen.has(k)) continue;
    seen.add(k);
    relations.push({ source, target, type: r.type });
  }
  return {
    entities: extraction.entities
      .filter((e) => e.type !== 'EVENT')
      .map((e) => ({ name: e.name, type: TYPE_NAMES[e.type], aliases: e.aliases })),
    relations,
    events: extraction.events.map((e) => ({
      type: e.type,
      participants: [...new Set(e.participants.map((p) => nameOf.get(p.key)).filter((n): n is string => Boolean(n)))],
      ...(e.count !== undefined ? { count: e.count } : {}),
      ...(e.date ? { date: e.date } : {}),
    })),
  };
}
