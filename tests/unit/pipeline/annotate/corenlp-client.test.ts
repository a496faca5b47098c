import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCoreNLPAnnotator } from '../../../../server/src/pipeline/annotate/corenlp-client.ts';
import { freePort } from '../../../../server/src/jvm/jvm-service.ts';
import { extract } from '../../../../server/src/pipeline/extract/extract.ts';
import { annotate, testCorenlpUrl } from '../../../helpers/annotate.ts';

// Against the real CoreNLP server of the test run.
describe('the annotate stage (CoreNLP client)', () => {
  it('gives tokens whose offsets slice the original text, with POS, lemmas, NER and dependencies', async () => {
    const text = 'ICE Note\n\nAgents arrested Jasur Rakhimov in Baltimore on Tuesday, officials said.';
    const a = await annotate(text);
    expect(a.sentences).toHaveLength(2);
    const tokens = a.sentences.flatMap((s) => s.tokens);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    const arrested = tokens.find((t) => t.word === 'arrested');
    expect(arrested).toMatchObject({ lemma: 'arrest', pos: expect.stringMatching(/^VB/) });
    const s = a.sentences[1];
    expect(s?.mentions.map((m) => `${m.type}:${m.text}`)).toEqual(expect.arrayContaining(['PERSON:Jasur Rakhimov', 'LOCATION:Baltimore']));
    const verb = s?.tokens.findIndex((t) => t.word === 'arrested') ?? -1;
    const subject = s?.deps.find((d) => d.head === verb && d.rel === 'nsubj');
    expect(s?.tokens[subject?.dep ?? -1]?.word).toBe('Agents');
    expect(s?.deps.some((d) => d.head === verb && d.rel === 'obl:in')).toBe(true);
  });

  it('leaves out the pronouns CoreNLP adds as mentions for its own coreference', async () => {
    const a = await annotate('He said she had seen him there.');
    expect(a.sentences.flatMap((s) => s.mentions)).toEqual([]);
  });

  it('annotates a long article in pieces and keeps every offset on the whole text', async () => {
    const client = createCoreNLPAnnotator({ url: testCorenlpUrl(), timeoutMs: 60_000, maxChars: 300, concurrency: 2 });
    const text = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: the FBI arrested a man in Denver on Monday.`).join('\n\n');
    const a = await client.annotate(text);
    expect(a.sentences).toHaveLength(12);
    for (const t of a.sentences.flatMap((s) => s.tokens)) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(a.sentences.flatMap((s) => s.mentions).filter((m) => m.text === 'Denver')).toHaveLength(12);
  });

  it('extracts any text without throwing, every offset inside the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (text) => {
        const out = extract({ text }, await annotate(text));
        for (const e of out.entities) for (const m of e.mentions) expect(m.start >= 0 && m.end <= text.length && m.start <= m.end).toBe(true);
        for (const r of out.relations) expect(r.evidence.start >= 0 && r.evidence.end <= text.length).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('says which server is down, as SERVICE_UNAVAILABLE', async () => {
    const port = await freePort();
    const dead = createCoreNLPAnnotator({ url: `http://127.0.0.1:${port}`, timeoutMs: 2000 });
    await expect(dead.annotate('ICE arrested a man.')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining(`127.0.0.1:${port}`) });
    await expect(dead.check()).rejects.toThrow();
  });

  it('gives up on a server that takes too long, as SERVICE_UNAVAILABLE', async () => {
    const slow = createCoreNLPAnnotator({ url: testCorenlpUrl(), timeoutMs: 5 });
    await expect(slow.annotate('Agents arrested a man in Denver. '.repeat(400))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/no answer within/) });
  });
});
