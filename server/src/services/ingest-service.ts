import type { GraphRepository } from '../db/graph-repository.ts';
import { AppError, badInput } from '../domain/errors.ts';
import type { Article, ArticleInput, GraphBatch, StoredArticle } from '../domain/types.ts';
import type { Annotation } from '../pipeline/annotate/annotation.ts';
import { EXTRACTOR_VERSION, extract } from '../pipeline/extract/extract.ts';
import { fetchUrl, type FetchPolicy } from '../pipeline/fetch-url.ts';
import { htmlToText } from '../pipeline/html-to-text.ts';
import { prepareArticle, type ArticleLimits } from '../pipeline/prepare-article.ts';
import { resolve } from '../pipeline/resolve.ts';

/** What ingesting one article did. */
export interface IngestOutcome {
  article: StoredArticle;
  /** False when the same text was already stored with the current extractor: nothing changed. */
  created: boolean;
  /** True when the article was stored by an older extractor and has been processed again. */
  reprocessed: boolean;
  entityCount: number;
  relationCount: number;
}

/** An article as the API accepts it: text, or HTML, or a URL to fetch. */
export interface IngestInput extends ArticleInput {
  html?: string | null;
}

/** One item of a batch ingest. */
export type BatchItem = { index: number; result: IngestOutcome; error: null; code: null } | { index: number; result: null; error: string; code: string };

/** Most articles one ingestArticles call may carry. */
export const MAX_BATCH = 50;

/** What the ingest service is built from; `createServices` wires the one set every entry point uses. */
export interface IngestDeps {
  repo: GraphRepository;
  limits: ArticleLimits;
  fetchPolicy: FetchPolicy;
  /** Applies curation (merges) to a batch before it is written. */
  curate: (batch: GraphBatch) => Promise<GraphBatch>;
  /** The annotate stage (CoreNLP): runs before extraction; SERVICE_UNAVAILABLE when it is down. */
  annotate: (text: string) => Promise<Annotation>;
  /** extract → resolve for one annotated article (in a worker pool, off the event loop). */
  extract: (article: Article, annotation: Annotation) => Promise<GraphBatch>;
}

/** extract → resolve on the calling thread: for tools and tests that need no pool. */
export async function extractInProcess(article: Article, annotation: Annotation): Promise<GraphBatch> {
  return resolve(article, extract(article, annotation));
}

/** Runs one article through fetch/parse → prepare → extract → resolve → load. */
export class IngestService {
  constructor(private readonly deps: IngestDeps) {}

  /**
   * Validates, extracts and stores one article in a single transaction. A text already stored
   * by the current extractor is answered from the database before any extraction runs.
   */
  async ingest(input: IngestInput): Promise<IngestOutcome> {
    const article = prepareArticle(await this.toText(input), this.deps.limits);
    const known = await this.deps.repo.getArticleSummary(article.id);
    if (known && known.extractorVersion === EXTRACTOR_VERSION) {
      return { article: known.article, created: false, reprocessed: false, entityCount: known.entityCount, relationCount: known.relationCount };
    }
    const annotation = await this.deps.annotate(article.text);
    const batch = await this.deps.curate(await this.deps.extract(article, annotation));
    const { created, reprocessed } = await this.deps.repo.writeArticle(batch);
    return {
      article: { id: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt },
      created,
      reprocessed,
      entityCount: batch.entities.length,
      relationCount: batch.relations.length,
    };
  }

  /** Ingests each input in its own transaction; a refused item is reported, not fatal. */
  async ingestMany(inputs: IngestInput[]): Promise<BatchItem[]> {
    if (inputs.length > MAX_BATCH) throw badInput(`inputs has ${inputs.length} articles; the most allowed is ${MAX_BATCH}.`);
    const out: BatchItem[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        out.push({ index, result: await this.ingest(input), error: null, code: null });
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'SERVICE_UNAVAILABLE') throw err;
        out.push({ index, result: null, error: err.message, code: err.code });
      }
    }
    return out;
  }

  /** Deletes an article and whatever only it supported. */
  deleteArticle(id: string): Promise<boolean> {
    return this.deps.repo.deleteArticle(id);
  }

  /** Exactly one of text, html, url; HTML (given or fetched) is reduced to its main text. */
  private async toText(input: IngestInput): Promise<ArticleInput> {
    const given = (['text', 'html', 'url'] as const).filter((k) => typeof input[k] === 'string' && (input[k] ?? '').trim() !== '');
    if (given.length > 1) throw badInput(`Give exactly one of text, html or url; got ${given.join(' and ')}.`);
    if (input.html && !input.text) {
      if (Buffer.byteLength(input.html, 'utf8') > this.deps.limits.maxBytes) {
        throw badInput(`Article html is over the ${this.deps.limits.maxBytes}-byte limit (MAX_ARTICLE_BYTES).`);
      }
      const page = htmlToText(input.html, input.url ?? undefined);
      return { ...input, text: page.text, title: input.title ?? page.title };
    }
    if (input.url && !input.text) {
      const page = await fetchUrl(input.url, this.deps.fetchPolicy);
      if (/html/i.test(page.contentType) || /^\s*</.test(page.body)) {
        const parsed = htmlToText(page.body, page.url);
        return { ...input, url: page.url, text: parsed.text, title: input.title ?? parsed.title };
      }
      return { ...input, url: page.url, text: page.body };
    }
    return input;
  }
}
