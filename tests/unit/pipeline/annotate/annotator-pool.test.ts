import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAnnotatorPool, splitUrls } from '../../../../server/src/pipeline/annotate/annotator-pool.ts';
import { createCoreNLPAnnotator } from '../../../../server/src/pipeline/annotate/corenlp-client.ts';
import { testCorenlpUrl } from '../../../helpers/annotate.ts';

/** A loopback URL nothing listens on: a CoreNLP server that has gone away. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

const member = (url: string) => ({ url, annotator: createCoreNLPAnnotator({ url, timeoutMs: 60_000, concurrency: 2 }) });

describe('a pool of CoreNLP servers (CORENLP_URL with several URLs)', () => {
  it('splits a comma-separated CORENLP_URL', () => {
    expect(splitUrls('http://a:9000, http://b:9000,')).toEqual(['http://a:9000', 'http://b:9000']);
  });

  it('annotates every article while one of its servers is down: the dead one is skipped, the live one answers', async () => {
    const dead = await deadUrl();
    const pool = createAnnotatorPool([member(dead), member(testCorenlpUrl())]);
    const texts = ['ICE agents arrested a man in Denver.', 'The FBI charged two Uzbek nationals in Houston.', 'Customs and Border Protection released its report.'];
    const annotations = await Promise.all(texts.map((t) => pool.annotate(t)));
    expect(annotations.map((a) => a.sentences.length)).toEqual([1, 1, 1]);
    await expect(pool.check()).resolves.toBeUndefined();
  });

  it('fails with SERVICE_UNAVAILABLE naming every server when none answers', async () => {
    const [a, b] = [await deadUrl(), await deadUrl()];
    const pool = createAnnotatorPool([member(a), member(b)]);
    await expect(pool.annotate('ICE arrested a man.')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(new RegExp(`None of the 2 annotation servers.*${a}.*${b}|${b}.*${a}`)) });
    await expect(pool.check()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
