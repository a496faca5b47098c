import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../server/src/domain/types.ts';
import { createExtractPool } from '../../../server/src/pipeline/extract-pool/extract-pool.ts';
import { extract } from '../../../server/src/pipeline/extract/extract.ts';
import { annotate } from '../../helpers/annotate.ts';
import { articleId } from '../../../server/src/pipeline/prepare-article.ts';
import { resolve } from '../../../server/src/pipeline/resolve.ts';

const article = (text: string): Article => ({ id: articleId(text), title: 'T', text, url: null, source: null, publishedAt: null });

describe('the extraction pool (worker threads)', () => {
  const pool = createExtractPool({ size: 2, timeoutMs: 60_000 });
  afterAll(() => pool.close());

  it('gives exactly what extraction on this thread gives', async () => {
    const a = article('ICE Note\n\nImmigration and Customs Enforcement arrested eight Tajik nationals in New York, Philadelphia and Los Angeles.');
    const annotation = await annotate(a.text);
    expect(await pool.run(a, annotation)).toEqual(resolve(a, extract(a, annotation)));
  }, 30_000);

  it('runs several articles at once and keeps each answer with its article', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => article(`Note ${i}\n\nThe FBI detained ${i + 2} Uzbek nationals in Baltimore on case ${i}.`));
    const batches = await Promise.all(texts.map(async (t) => pool.run(t, await annotate(t.text))));
    expect(batches.map((b) => b.article.id)).toEqual(texts.map((t) => t.id));
  }, 30_000);

  it('refuses an article that overruns the time limit, replaces the thread, and goes on', async () => {
    const strict = createExtractPool({ size: 1, timeoutMs: 1 });
    try {
      const big = article(`Big\n\n${'Immigration and Customs Enforcement detained a man in Texas. '.repeat(500)}`);
      await expect(strict.run(big, await annotate(big.text))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/longer than 0.001 s/) });
    } finally {
      await strict.close();
    }
    // The shared pool was never affected.
    const after = article('After\n\nCBP released a man.');
    expect((await pool.run(after, await annotate(after.text))).article.title).toBe('T');
  }, 30_000);

  it('refuses work once closed', async () => {
    const closed = createExtractPool({ size: 1 });
    await closed.close();
    await expect(closed.run(article('x'), { settings: 'none', sentences: [] })).rejects.toThrow(/closed/);
  });
});
