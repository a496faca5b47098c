import type { GraphRepository } from '../db/graph-repository.ts';
import type { ArticleInput, StoredArticle } from '../domain/types.ts';
import { extract } from '../pipeline/extract/extract.ts';
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

/** Runs one article through prepare → extract → resolve → load. */
export class IngestService {
  constructor(
    private readonly repo: GraphRepository,
    private readonly limits: ArticleLimits,
  ) {}

  /** Validates, extracts and stores one article in a single transaction. */
  async ingest(input: ArticleInput): Promise<IngestOutcome> {
    const article = prepareArticle(input, this.limits);
    const batch = resolve(article, extract(article));
    const { created, reprocessed } = await this.repo.writeArticle(batch);
    return {
      article: { id: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt },
      created,
      reprocessed,
      entityCount: batch.entities.length,
      relationCount: batch.relations.length,
    };
  }
}
