import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldCases, scoreText } from '../../../bench/score-extraction.ts';
import { ROOT_DIR } from '../../../server/src/config.ts';
import { testAnnotator } from '../../helpers/annotate.ts';
import type { Gold } from '../../helpers/score-extraction.ts';

// Ratcheted to the scores reached (docs/extraction.md, "Scores"): the seed and our fixtures score 1.00
// on most measures and are held a little below; the real-article dev set (when ../shared is present)
// is held at its means as reached with CoreNLP and the syntax event reader.
const bars = {
  seed: { entities: 0.95, relations: 0.95, events: 0.95 },
  fixture: { entities: 0.9, relations: 0.95, events: 0.8 },
  dev: { entities: 0.9, relations: 0.85, events: 0.41 },
};

describe('extraction quality against gold files', () => {
  const cases = goldCases();

  it('has gold fixtures to score', () => {
    expect(cases.filter((c) => !c.name.startsWith('seed')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s meets its bar', async (_, c) => {
    const bar = c.name.startsWith('seed') ? bars.seed : bars.fixture;
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
    expect(got.entities, JSON.stringify(got)).toBeGreaterThanOrEqual(bars.dev.entities);
    expect(got.relations, JSON.stringify(got)).toBeGreaterThanOrEqual(bars.dev.relations);
    expect(got.events, JSON.stringify(got)).toBeGreaterThanOrEqual(bars.dev.events);
  }, 240_000);
});
