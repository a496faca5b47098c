import { describe, expect, it } from 'vitest';
import { extract } from '../../../server/src/pipeline/extract/extract.ts';
import { toEvalJson } from '../../../server/src/pipeline/extract/to-eval-json.ts';

const run = (text: string) => toEvalJson(extract({ text }));
const find = (text: string, name: string) => run(text).entities.find((e) => e.name === name);

describe('extract (lexicon skeleton)', () => {
  it('merges "ICE" and "Immigration and Customs Enforcement" into one agency', () => {
    const out = run('Immigration and Customs Enforcement (ICE) made arrests. ICE said more would follow.');
    const agencies = out.entities.filter((e) => e.type === 'Agency');
    expect(agencies).toHaveLength(1);
    expect(agencies[0]?.name).toBe('Immigration and Customs Enforcement');
    expect(agencies[0]?.aliases).toContain('ICE');
  });

  it.each([
    ['Tajik men were detained.', 'Tajikistan'],
    ['An Afghan named the man.', 'Afghanistan'],
    ['The Uzbek government warned officials.', 'Uzbekistan'],
  ])('reads the demonym in "%s" as a mention of %s', (text, country) => {
    expect(find(text, country)?.type).toBe('Country');
  });

  it('resolves "U.S.", "US" and "United States" to one country', () => {
    const out = run('He reached the U.S. in May. The United States said so. US officials agreed.');
    expect(out.entities.filter((e) => e.type === 'Country').map((e) => e.name)).toEqual(['United States']);
  });

  it('finds a person and strips the title before the name', () => {
    expect(find('FBI Director Christopher Wray testified on Tuesday.', 'Christopher Wray')?.type).toBe('Person');
  });

  it('attaches a later surname mention to the full name', () => {
    const out = run('Mohammad Kharwin crossed the border. Kharwin was later arrested.');
    expect(out.entities.filter((e) => e.type === 'Person')).toEqual([{ name: 'Mohammad Kharwin', type: 'Person', aliases: ['Kharwin'] }]);
  });

  it('links ICE PART_OF DHS from the curated agency hierarchy', () => {
    const out = run('ICE and the Department of Homeland Security announced the arrests.');
    expect(out.relations).toContainEqual({ source: 'Immigration and Customs Enforcement', target: 'Department of Homeland Security', type: 'PART_OF' });
  });

  it('does not read an all-caps word as a country unless the lexicon spells it so', () => {
    expect(find('OFFICIALS TOLD US NOTHING', 'United States')).toBeDefined(); // "US" is a listed code
    expect(find('THE REPORT IS OUT', 'ISIS')).toBeUndefined();
  });

  it('finds nothing in a text without names, without failing', () => {
    expect(run('nothing to see here, just lower-case words.').entities).toEqual([]);
  });
});
