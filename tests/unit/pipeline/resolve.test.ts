import { describe, expect, it } from 'vitest';
import type { Article } from '../../../server/src/domain/types.ts';
import { annotateAndExtract } from '../../helpers/annotate.ts';
import { prepareArticle } from '../../../server/src/pipeline/prepare-article.ts';
import { entityId, resolve } from '../../../server/src/pipeline/resolve.ts';

const extracted = async (a: Article) => resolve(a, await annotateAndExtract(a));

describe('resolve', () => {
  it.each([
    ['AGENCY', 'Immigration and Customs Enforcement', 'agency:immigration-and-customs-enforcement'],
    ['PERSON', "Christopher O'Leary", 'person:christopher-oleary'],
    ['PERSON', 'Christopher O’Leary', 'person:christopher-oleary'],
    ['LOCATION', 'São Paulo', 'location:sao-paulo'],
  ] as const)('gives %s "%s" the stable id %s', async (type, name, id) => {
    expect(entityId(type, name)).toBe(id);
  });

  it('falls back to a hash for names with no Latin letters', async () => {
    expect(entityId('PERSON', 'Ҷумҳурии')).toMatch(/^person:[0-9a-f]{16}$/);
  });

  it('gives the same entity the same id in two articles', async () => {
    const a = prepareArticle({ text: 'ICE arrested a man in Baltimore.' }, { maxBytes: 1e6 });
    const b = prepareArticle({ text: 'Immigration and Customs Enforcement spoke.' }, { maxBytes: 1e6 });
    const ida = (await extracted(a)).entities.map((e) => e.id);
    const idb = (await extracted(b)).entities.map((e) => e.id);
    expect(ida).toContain('agency:immigration-and-customs-enforcement');
    expect(idb).toContain('agency:immigration-and-customs-enforcement');
  });

  it('keeps two events of one type in one sentence as two nodes, each with its own places', async () => {
    const a = prepareArticle({ text: 'ISIS-K claimed the attack on Crocus City Hall near Moscow and a bombing in Kerman, Iran, that killed 90 people.' }, { maxBytes: 1e6 });
    const batch = (await extracted(a));
    const attacks = batch.entities.filter((e) => e.type === 'EVENT' && e.eventType === 'Attack');
    expect(new Set(attacks.map((e) => e.id)).size).toBe(2);
    const placesOf = (id: string): string[] => batch.relations.filter((r) => r.type === 'PARTICIPATED_IN' && r.target === id).map((r) => r.source).sort();
    expect(attacks.map((e) => placesOf(e.id))).toEqual([
      ['location:crocus-city-hall', 'location:moscow'],
      ['country:iran', 'location:kerman'],
    ]);
  });

  it('stores a co-mention once whichever entity comes first', async () => {
    const a = prepareArticle({ text: 'ICE met the FBI.' }, { maxBytes: 1e6 });
    const b = prepareArticle({ text: 'The FBI met ICE.' }, { maxBytes: 1e6 });
    const ra = (await extracted(a)).relations.find((r) => r.type === 'MENTIONED_WITH');
    const rb = (await extracted(b)).relations.find((r) => r.type === 'MENTIONED_WITH');
    expect(ra?.id).toBeDefined();
    expect(ra?.id).toBe(rb?.id);
  });
});
