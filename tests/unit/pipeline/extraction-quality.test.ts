import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldCases, scoreText } from '../../../bench/score-extraction.ts';
import { ROOT_DIR } from '../../../server/src/config.ts';
import { testAnnotator } from '../../helpers/annotate.ts';
import type { Gold } from '../../helpers/score-extraction.ts';

// Ratcheted to the scores reached (docs/extraction.md, "Scores", rules-15): a measure at 1.00 is held
// at 0.95, any other at the score reached (rounded down to two decimals); the real-article dev set (when ../shared
// is present) is held at its means.
type Bar = { entities: number; relations: number; events: number };
const reached: Record<string, Bar> = {
  seed: { entities: 1, relations: 1, events: 0.95 },
  'analysis-central-asia.txt': { entities: 0.96, relations: 1, events: 1 },
  'local-baltimore-arrest.txt': { entities: 1, relations: 1, events: 0.85 },
  'policy-oig-vetting.txt': { entities: 1, relations: 1, events: 0.8 },
  'politics-afghan-vetting-letter.txt': { entities: 1, relations: 1, events: 0.88 },
  'tv-kharwin-release.txt': { entities: 1, relations: 1, events: 1 },
  'wire-fbi-testimony.txt': { entities: 0.94, relations: 1, events: 0.85 },
  'wire-minneapolis-somali-arrest.txt': { entities: 1, relations: 1, events: 0.85 },
};
const held = (x: number): number => (x >= 1 ? 0.95 : x);
// A fixture added later starts at the floor every fixture met before the ratchet.
const barOf = (name: string): Bar => {
  const r = reached[name.startsWith('seed') ? 'seed' : name] ?? { entities: 0.9, relations: 0.95, events: 0.8 };
  return { entities: held(r.entities), relations: held(r.relations), events: held(r.events) };
};
const devBar: Bar = { entities: 0.94, relations: 0.88, events: 0.69 };

describe('extraction quality against gold files', () => {
  const cases = goldCases();

  it('has gold fixtures to score', () => {
    expect(cases.filter((c) => !c.name.startsWith('seed')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s meets its bar', async (_, c) => {
    const bar = barOf(c.name);
    const s = await scoreText(c.text, c.gold, testAnnotator());
    const report = JSON.stringify({ missed: s.entities.missed, extra: s.entities.extra, relations: s.relations.missed, events: s.events.missed, extraEvents: s.events.extra });
    expect(s.entities.f1, report).toBeGreaterThanOrEqual(bar.entities);
    expect(s.relations.recall, report).toBeGreaterThanOrEqual(bar.relations);
    expect(s.events.f1, report).toBeGreaterThanOrEqual(bar.events);
  });

  const dev = path.join(ROOT_DIR, '..', 'shared', 'eval', 'dev');
  it.runIf(existsSync(path.join(dev, 'gold')))('the sixteen real articles of ../shared/eval/dev meet the dev bar on average', async () => {
    const names = readdirSync(path.join(dev, 'gold')).filter((f) => f.endsWith('.json')).sort();
    const scores = await Promise.all(
      names.map((f) =>
        scoreText(readFileSync(path.join(dev, 'articles', f.replace(/\.json$/, '.txt')), 'utf8'), JSON.parse(readFileSync(path.join(dev, 'gold', f), 'utf8')) as Gold, testAnnotator()),
      ),
    );
    const mean = (g: (s: (typeof scores)[number]) => number): number => scores.reduce((a, s) => a + g(s), 0) / scores.length;
    const got = { entities: mean((s) => s.entities.f1), relations: mean((s) => s.relations.recall), events: mean((s) => s.events.f1) };
    expect(got.entities, JSON.stringify(got)).toBeGreaterThanOrEqual(devBar.entities);
    expect(got.relations, JSON.stringify(got)).toBeGreaterThanOrEqual(devBar.relations);
    expect(got.events, JSON.stringify(got)).toBeGreaterThanOrEqual(devBar.events);
  }, 240_000);
});
