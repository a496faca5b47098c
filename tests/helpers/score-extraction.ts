import type { EvalJson } from '../../server/src/pipeline/extract/to-eval-json.ts';

/** A gold annotation (the format of ../shared/eval/seed-gold.json, see GUIDELINES.md). */
export interface Gold {
  article: string;
  entities: Array<{ name: string; type: string; aliases?: string[]; optional?: boolean }>;
  relations: Array<{ source: string; target: string; type: string; optional?: boolean }>;
  events: Array<{ type: string; participants: string[]; optional?: boolean; summary?: string }>;
}

/** Scores like ../shared/eval/score.mjs: strict entity F1, relation recall, event F1, with what was missed. */
export interface Score {
  entities: { p: number; r: number; f1: number; missed: string[]; extra: string[] };
  relations: { recall: number; missed: string[] };
  events: { p: number; r: number; f1: number; missed: string[]; extra: string[] };
}

const norm = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'").replace(/\./g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
const surfaces = (e: { name: string; aliases?: string[] }): Set<string> => new Set([e.name, ...(e.aliases ?? [])].map(norm).filter(Boolean));
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * The same matching rules as the shared scorer: one-to-one greedy entity matching by
 * name then alias; a relation is found when its ends are linked directly or share an event;
 * an event matches on type and min(2, |gold participants|) shared participants.
 */
export function scoreExtraction(gold: Gold, ext: EvalJson): Score {
  const goldEntities = gold.entities.map((e) => ({ ...e, s: surfaces(e) }));
  const extEntities = ext.entities.filter((e) => e.type !== 'Event').map((e) => ({ ...e, s: surfaces(e) }));
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  extEntities.forEach((x, i) => {
    const exact = goldEntities.findIndex((g, j) => !taken.has(j) && g.s.has(norm(x.name)));
    const j = exact >= 0 ? exact : goldEntities.findIndex((g, k) => !taken.has(k) && [...g.s].some((v) => x.s.has(v)));
    if (j >= 0) {
      matchOf.set(i, j);
      taken.add(j);
    }
  });
  let tp = 0;
  const extra: string[] = [];
  extEntities.forEach((x, i) => {
    const j = matchOf.get(i);
    const g = j === undefined ? undefined : goldEntities[j];
    if (!g) return void extra.push(`${x.name} [${x.type}]`);
    if (g.optional) return;
    if (x.type.toLowerCase() === g.type.toLowerCase()) tp++;
    else extra.push(`${x.name}: ${x.type} should be ${g.type}`);
  });
  const required = goldEntities.filter((g) => !g.optional).length;
  const matched = new Set(matchOf.values());
  const entP = tp + extra.length ? tp / (tp + extra.length) : 0;
  const entR = required ? tp / required : 0;

  const goldIndexOf = (name: string): number => {
    const n = norm(name);
    const viaExt = extEntities.findIndex((x) => x.s.has(n));
    const m = viaExt >= 0 ? matchOf.get(viaExt) : undefined;
    if (m !== undefined) return m;
    return goldEntities.findIndex((g) => g.s.has(n));
  };
  const byName = (name: string): number => goldEntities.findIndex((g) => g.name === name);
  const pair = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const extEvents = ext.events.map((e) => ({ type: e.type.toLowerCase(), parts: new Set(e.participants.map(goldIndexOf).filter((j) => j >= 0)), raw: e }));
  const linked = new Set<string>();
  for (const r of ext.relations) {
    const a = goldIndexOf(r.source);
    const b = goldIndexOf(r.target);
    if (a >= 0 && b >= 0 && a !== b) linked.add(pair(a, b));
  }
  for (const e of extEvents) {
    const ps = [...e.parts];
    ps.forEach((a, i) => ps.slice(i + 1).forEach((b) => linked.add(pair(a, b))));
  }
  const goldRelations = gold.relations.filter((r) => !r.optional);
  const relMissed = goldRelations.filter((r) => !linked.has(pair(byName(r.source), byName(r.target)))).map((r) => `${r.source} -${r.type}- ${r.target}`);

  const goldEvents = gold.events.map((e) => ({ ...e, parts: new Set(e.participants.map(byName)) }));
  const evTaken = new Set<number>();
  let evTp = 0;
  const evExtra: string[] = [];
  for (const x of extEvents) {
    let j = -1;
    let best = 0;
    goldEvents.forEach((g, k) => {
      if (evTaken.has(k) || g.type.toLowerCase() !== x.type) return;
      const shared = [...g.parts].filter((p) => x.parts.has(p)).length;
      if (shared >= Math.min(2, g.parts.size) && shared > best) {
        j = k;
        best = shared;
      }
    });
    if (j < 0) {
      evExtra.push(`${x.raw.type}: ${x.raw.participants.join(', ')}`);
      continue;
    }
    evTaken.add(j);
    if (!goldEvents[j]?.optional) evTp++;
  }
  const evRequired = goldEvents.filter((g) => !g.optional).length;
  const evP = evTp + evExtra.length ? evTp / (evTp + evExtra.length) : 0;
  const evR = evRequired ? evTp / evRequired : 0;
  return {
    entities: {
      p: entP,
      r: entR,
      f1: f1(entP, entR),
      missed: goldEntities.filter((g, j) => !g.optional && !matched.has(j)).map((g) => `${g.name} [${g.type}]`),
      extra,
    },
    relations: { recall: goldRelations.length ? (goldRelations.length - relMissed.length) / goldRelations.length : 0, missed: relMissed },
    events: {
      p: evP,
      r: evR,
      f1: f1(evP, evR),
      missed: goldEvents.filter((g, k) => !g.optional && !evTaken.has(k)).map((g) => `${g.type}: ${g.summary ?? g.participants.join(', ')}`),
      extra: evExtra,
    },
  };
}
