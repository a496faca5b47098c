import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT_DIR } from '../../config.ts';
import { ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, type EntityType, type EventRole, type RelationType } from '../../domain/types.ts';

/** The closed list of event types (GUIDELINES.md); a frame's type must be one of them. */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One event type as the syntax reader sees it: the lemmas that trigger it, where its other
 * participants sit, and when two tellings in one article are one event. Loaded from
 * data/lexicon/event-frames.json, so adding an event type is a data change (plus its tests).
 */
export interface EventFrame {
  type: EventType;
  /** The typed link drawn from each agent to each subject. */
  relation?: RelationType;
  verbs: ReadonlySet<string>;
  nouns: ReadonlySet<string>;
  /** The role of a possessive on a noun trigger: "Tawhedi's arrest" (subject), "ISIS's attack" (agent). */
  possessor: Extract<EventRole, 'agent' | 'subject'>;
  /** When two tellings are one event: they share a named subject, the agent, the place; or never. */
  retold: 'subject' | 'agent' | 'place' | 'never';
  /** Dependency relations (enhanced++) whose entities are the event's other participants: "charged with supporting ISIS". */
  content: ReadonlySet<string>;
  /** The entity types an agent may have, when the frame needs one ("a statement" is a person's: a body saying is no event). */
  agents?: ReadonlySet<EntityType>;
  /** 'office': a person agent must be introduced by an office (EventFrames.offices). */
  speaker?: 'office';
  /** What a telling must name to be an event at all. */
  requires: 'any' | 'agent' | 'subject' | 'named-subject' | 'agent-or-subject' | 'agent-and-content';
  /** The role of an active verb's object: what was done to ("arrested him"), or a place ("crossed the border"). */
  object: Extract<EventRole, 'subject' | 'place'>;
  /** Verbs whose active subject is the one the event befalls ("he pleaded guilty", "they crossed"), not its agent. */
  undergoerVerbs: ReadonlySet<string>;
}

const frameFile = z.object({
  peopleNouns: z.array(z.string()),
  offices: z.array(z.string()),
  frames: z.array(
    z.object({
      type: z.enum(EVENT_TYPES),
      relation: z.enum(RELATION_TYPES).optional(),
      verbs: z.array(z.string()),
      nouns: z.array(z.string()),
      possessor: z.enum(['agent', 'subject']),
      retold: z.enum(['subject', 'agent', 'place', 'never']),
      content: z.array(z.string()).default([]),
      agents: z.array(z.enum(ENTITY_TYPES)).optional(),
      speaker: z.literal('office').optional(),
      requires: z.enum(['any', 'agent', 'subject', 'named-subject', 'agent-or-subject', 'agent-and-content']),
      object: z.enum(['subject', 'place']).default('subject'),
      undergoerVerbs: z.array(z.string()).default([]),
    }),
  ),
});

/** Frames indexed by trigger lemma and by type. */
export interface EventFrames {
  byVerb: ReadonlyMap<string, EventFrame>;
  byNoun: ReadonlyMap<string, EventFrame>;
  byType: ReadonlyMap<EventType, EventFrame>;
  /** Lower-cased words of an office ("senator", "minister"): who speaks for someone. */
  offices: ReadonlySet<string>;
  /** Common nouns that name people ("the men", "migrants"). */
  people: ReadonlySet<string>;
}

let loaded: EventFrames | undefined;

/** The event frames of data/lexicon/event-frames.json (read once; a lemma may trigger one frame per part of speech). */
export function eventFrames(): EventFrames {
  if (loaded) return loaded;
  const file = frameFile.parse(JSON.parse(readFileSync(path.join(ROOT_DIR, 'data', 'lexicon', 'event-frames.json'), 'utf8')));
  const byVerb = new Map<string, EventFrame>();
  const byNoun = new Map<string, EventFrame>();
  const byType = new Map<EventType, EventFrame>();
  for (const f of file.frames) {
    const frame: EventFrame = {
      type: f.type,
      ...(f.relation ? { relation: f.relation } : {}),
      verbs: new Set(f.verbs),
      nouns: new Set(f.nouns),
      possessor: f.possessor,
      retold: f.retold,
      content: new Set(f.content),
      ...(f.agents ? { agents: new Set(f.agents) } : {}),
      ...(f.speaker ? { speaker: f.speaker } : {}),
      requires: f.requires,
      object: f.object,
      undergoerVerbs: new Set(f.undergoerVerbs),
    };
    for (const v of f.undergoerVerbs) if (!f.verbs.includes(v)) throw new Error(`event-frames.json: "${v}" is an undergoer verb of ${f.type} but not one of its verbs`);
    for (const v of f.verbs) if (byVerb.has(v)) throw new Error(`event-frames.json: the verb "${v}" triggers two frames`);
    for (const n of f.nouns) if (byNoun.has(n)) throw new Error(`event-frames.json: the noun "${n}" triggers two frames`);
    for (const v of f.verbs) byVerb.set(v, frame);
    for (const n of f.nouns) byNoun.set(n, frame);
    // Construction rules ("taken into custody") ask for a type's first frame.
    if (!byType.has(f.type)) byType.set(f.type, frame);
  }
  loaded = { byVerb, byNoun, byType, offices: new Set(file.offices), people: new Set(file.peopleNouns) };
  return loaded;
}
