import { inject } from 'vitest';
import type { Annotation, Annotator } from '../../server/src/pipeline/annotate/annotation.ts';
import { createCoreNLPAnnotator } from '../../server/src/pipeline/annotate/corenlp-client.ts';
import { extract } from '../../server/src/pipeline/extract/extract.ts';
import type { Article, Extraction } from '../../server/src/domain/types.ts';

/** The URL of the real CoreNLP server the global setup started (or CORENLP_TEST_URL). */
export function testCorenlpUrl(): string {
  return inject('corenlpUrl');
}

let annotator: Annotator | undefined;

/** A client of the test CoreNLP server. */
export function testAnnotator(): Annotator {
  annotator ??= createCoreNLPAnnotator({ url: testCorenlpUrl(), timeoutMs: 120_000, concurrency: 2 });
  return annotator;
}

/** Annotates a text with the test CoreNLP. */
export function annotate(text: string): Promise<Annotation> {
  return testAnnotator().annotate(text);
}

/** annotate → extract, as ingest does. */
export async function annotateAndExtract(article: Pick<Article, 'text'> & Partial<Pick<Article, 'publishedAt'>>): Promise<Extraction> {
  return extract(article, await annotate(article.text));
}
