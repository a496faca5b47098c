import { describe, expect, it } from 'vitest';
import { EVENT_RULES } from '../../../../server/src/pipeline/extract/event-rules.ts';
import { eventFrames } from '../../../../server/src/pipeline/extract/event-frames.ts';
import { extract } from '../../../../server/src/pipeline/extract/extract.ts';
import { RELATION_RULES } from '../../../../server/src/pipeline/extract/relation-rules.ts';
import { annotate } from '../../../helpers/annotate.ts';

/** annotate → extract; each event with its participants' names. */
async function read(text: string): Promise<Array<{ type: string; names: string[]; count?: number; rules: string[] }>> {
  const x = extract({ text }, await annotate(text));
  const name = new Map(x.entities.map((e) => [e.key, e.name]));
  return x.events.map((e) => ({ type: e.type, names: e.participants.map((p) => name.get(p.key) ?? p.key), ...(e.count !== undefined ? { count: e.count } : {}), rules: e.evidence.rules }));
}

// Every rule's example sentence is its test: a rule that finds, names or counts must do so on its
// example (and say so in the event's rule ids); a rule that blocks must leave no such event.
describe('syntax event rules: each example does what its rule says', () => {
  const finding = [...EVENT_RULES.trigger, ...EVENT_RULES.role, ...EVENT_RULES.count];
  it.each(finding.map((r) => [r.id, r] as const))('%s', async (id, rule) => {
    const events = await read(rule.example);
    const hit = events.find((e) => e.type === rule.expect.type && (rule.expect.participants ?? []).every((n) => e.names.includes(n)) && (rule.expect.count === undefined || e.count === rule.expect.count));
    expect(hit, JSON.stringify(events)).toBeDefined();
    expect(hit?.rules, JSON.stringify(events)).toContain(id);
  });

  it.each(EVENT_RULES.block.map((r) => [r.id, r] as const))('%s', async (_, rule) => {
    const events = await read(rule.example);
    expect(events.filter((e) => e.type === rule.expect.type), JSON.stringify(events)).toEqual([]);
  });

  it('gives every rule a distinct id', () => {
    const ids = [...EVENT_RULES.trigger, ...EVENT_RULES.block, ...EVENT_RULES.role, ...EVENT_RULES.count].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('event frames (data/lexicon/event-frames.json)', () => {
  it('give each trigger lemma one frame per part of speech, and every type a frame', () => {
    const frames = eventFrames();
    expect(frames.byVerb.get('arrest')?.type).toBe('Arrest');
    expect(frames.byNoun.get('bombing')?.type).toBe('Attack');
    for (const type of ['Arrest', 'Detention', 'Release', 'Deportation', 'Charge', 'Hearing', 'Testimony', 'Identification', 'Attack', 'Report', 'Request', 'Alert', 'Crossing', 'Search', 'Scrutiny', 'Statement'] as const) {
      expect(frames.byType.get(type), type).toBeDefined();
    }
  });
});

describe('relation rules: each example finds its link, with the rule id on the evidence', () => {
  it.each(RELATION_RULES.map((r) => [r.id, r] as const))('%s', async (id, rule) => {
    const x = extract({ text: rule.example }, await annotate(rule.example));
    const name = new Map(x.entities.map((e) => [e.key, e.name]));
    const found = x.relations.map((r) => ({ source: name.get(r.source), type: r.type, target: name.get(r.target), rules: r.evidence.rules }));
    expect(found, JSON.stringify(found)).toContainEqual(expect.objectContaining({ ...rule.expect, rules: expect.arrayContaining([id]) }));
  });
});
