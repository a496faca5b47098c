import type { GraphRepository } from '../db/graph-repository.ts';
import { AppError, badInput, isNotAboutInput, isOutage } from '../domain/errors.ts';
import type { Article, ArticleInput, GraphBatch, StoredArticle } from '../domain/types.ts';
import type { Annotation } from '../pipeline/annotate/annotation.ts';
import { EXTRACTOR_VERSION, extract } from '../pipeline/extract/extract.ts';
import { fetchUrl, parseUrl, type FetchPolicy } from '../pipeline/fetch-url.ts';
import { htmlToText, type PageText } from '../pipeline/html-to-text.ts';
import { fingerprint, similarity } from '../pipeline/fingerprint.ts';
import { writeAllOrEach } from './batch-writer.ts';
import { normaliseDate, prepareArticle, type ArticleLimits } from '../pipeline/prepare-article.ts';
import { resolve } from '../pipeline/resolve.ts';
import { eventResolver } from '../pipeline/resolve-events.ts';

/** What ingesting one article did. */
export interface IngestOutcome {
  article: StoredArticle;
  /** False when the same text was already stored with the current extractor: nothing changed. */
  created: boolean;
  /** True when the article was stored by an older extractor and has been processed again. */
  reprocessed: boolean;
  entityCount: number;
  relationCount: number;
  /** Set when the text was not stored because it is a near-duplicate of this stored article. */
  duplicateOf?: StoredArticle;
}

/** Estimated shingle-set similarity from which two texts are the same story in other wrappers. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;
/** Fewer distinct shingles (about 55 words) and a text is only matched exactly: a brief's estimate is too coarse. */
export const MIN_SHINGLES = 50;

/** The Migration node recording that stored articles have been fingerprinted. */
const FINGERPRINT_MIGRATION = 'article-minhash';

/** An article as the API accepts it: text, or HTML, or a URL to fetch. */
export interface IngestInput extends ArticleInput {
  html?: string | null;
  /** Fetch `url` (the default when it comes alone); false refuses to, true insists. */
  fetch?: boolean | null;
}

/** An article ready to write (`batch`), or found already stored by this extractor (`stored`). */
export type PreparedArticle = { stored: IngestOutcome; batch: null } | { stored: null; batch: GraphBatch };

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
    const prepared = await this.prepare(input);
    if (prepared.stored) return prepared.stored;
    return (await this.store([prepared.batch]))[0] as IngestOutcome;
  }

  /**
   * Everything up to the write: fetch/parse → prepare → annotate → extract → resolve → curate.
   * A text already stored by the current extractor comes back as its stored outcome instead.
   */
  async prepare(input: IngestInput): Promise<PreparedArticle> {
    const article = prepareArticle(await this.toText(input), this.deps.limits);
    const known = await this.deps.repo.getArticleSummary(article.id);
    if (known && known.extractorVersion === EXTRACTOR_VERSION) {
      return { stored: { article: known.article, created: false, reprocessed: false, entityCount: known.entityCount, relationCount: known.relationCount }, batch: null };
    }
    const original = known ? undefined : await this.nearDuplicateOf(article);
    if (original) {
      return { stored: { article: original.article, created: false, reprocessed: false, entityCount: original.entityCount, relationCount: original.relationCount, duplicateOf: original.article }, batch: null };
    }
    const annotation = await this.deps.annotate(article.text);
    return { stored: null, batch: await this.deps.curate(await this.deps.extract(article, annotation)) };
  }

  /**
   * The stored article this one is the same story as (another wrapper: HTML vs text, a footer,
   * other whitespace), if any: the most similar candidate sharing a MinHash band, when its
   * estimated similarity reaches NEAR_DUPLICATE_SIMILARITY. Short texts are only matched exactly.
   */
  private async nearDuplicateOf(article: Article): Promise<Awaited<ReturnType<GraphRepository['getArticleSummary']>>> {
    const print = article.fingerprint;
    if (!print || print.shingles < MIN_SHINGLES) return undefined;
    const candidates = await this.deps.repo.nearDuplicateCandidates(print.bands);
    const best = candidates
      .filter((c) => c.id !== article.id)
      .map((c) => ({ id: c.id, score: similarity(print.signature, c.signature) }))
      .sort((a, b) => b.score - a.score)[0];
    if (!best || best.score < NEAR_DUPLICATE_SIMILARITY) return undefined;
    return this.deps.repo.getArticleSummary(best.id);
  }

  /**
   * Gives a fingerprint to every article stored before near-duplicate detection, a page at a
   * time in id order, then records that it ran (later startups skip the walk over every
   * article). Returns how many it fingerprinted.
   */
  async backfillFingerprints(pageSize = 200): Promise<number> {
    const { repo } = this.deps;
    if (await repo.migrationDone(FINGERPRINT_MIGRATION)) return 0;
    let after = '';
    let done = 0;
    for (;;) {
      const page = await repo.articlesWithoutFingerprint(after, pageSize);
      if (page.length === 0) {
        await repo.markMigration(FINGERPRINT_MIGRATION);
        return done;
      }
      await repo.setFingerprints(page.map((a) => ({ id: a.id, ...fingerprint(a.text) })));
      done += page.length;
      after = (page[page.length - 1] as { id: string }).id;
    }
  }

  /** Writes prepared articles in one transaction (all land or none does); outcomes in order. */
  async store(batches: readonly GraphBatch[]): Promise<IngestOutcome[]> {
    const written = await this.deps.repo.writeArticles(batches, eventResolver);
    return batches.map((batch, i) => {
      const { article } = batch;
      return {
        article: { id: article.id, title: article.title, url: article.url, source: article.source, outlet: article.outlet ?? null, publishedAt: article.publishedAt },
        created: written[i]?.created ?? false,
        reprocessed: written[i]?.reprocessed ?? false,
        entityCount: batch.entities.length,
        relationCount: batch.relations.length,
      };
    });
  }

  /**
   * Prepares each input in turn, then writes all the new ones in one transaction (when that
   * fails, one by one, so a bad article costs only itself). A refused item is reported, not
   * fatal; an outage is thrown, as is an article Neo4j refuses (a bug, masked by the API).
   */
  async ingestMany(inputs: IngestInput[]): Promise<BatchItem[]> {
    if (inputs.length > MAX_BATCH) throw badInput(`inputs has ${inputs.length} articles; the most allowed is ${MAX_BATCH}.`);
    const out: BatchItem[] = [];
    const ready: Array<{ index: number; batch: GraphBatch }> = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const prepared = await this.prepare(input);
        if (prepared.stored) out.push({ index, result: prepared.stored, error: null, code: null });
        else ready.push({ index, batch: prepared.batch });
      } catch (err) {
        if (isNotAboutInput(err) || !(err instanceof AppError)) throw err;
        out.push({ index, result: null, error: err.message, code: err.code });
      }
    }
    const written = await writeAllOrEach(
      ready.map((r) => r.batch),
      (batches) => this.store(batches),
      isOutage,
    );
    for (const [i, settled] of written.entries()) {
      const index = (ready[i] as { index: number }).index;
      if (settled.ok) out.push({ index, result: settled.value, error: null, code: null });
      else if (settled.error instanceof AppError) out.push({ index, result: null, error: settled.error.message, code: settled.error.code });
      else throw settled.error;
    }
    return out.sort((a, b) => a.index - b.index);
  }

  /** Those of `urls` an article is already stored under (a feed's items seen before). */
  storedUrls(urls: readonly string[]): Promise<Set<string>> {
    return this.deps.repo.storedUrls(urls);
  }

  /** The fetch policy (SSRF guard, size and time limits) every URL this service reads obeys. */
  get fetchPolicy(): FetchPolicy {
    return this.deps.fetchPolicy;
  }

  /** Deletes an article and whatever only it supported. */
  deleteArticle(id: string): Promise<boolean> {
    return this.deps.repo.deleteArticle(id);
  }

  /**
   * The article's text: `text` as given, `html` reduced to its main text, or the page at `url`
   * fetched (when it is given alone, or with `fetch: true`). With text or html, `url` is only
   * recorded as where the article came from. Fields given win over the page's own metadata.
   */
  private async toText(input: IngestInput): Promise<ArticleInput> {
    const has = (k: 'text' | 'html' | 'url') => typeof input[k] === 'string' && (input[k] ?? '').trim() !== '';
    if (has('text') && has('html')) throw badInput('Give text or html, not both.');
    const content = has('text') ? 'text' : has('html') ? 'html' : null;
    if (input.fetch === true && content) throw badInput(`fetch: true reads the page at url; leave out ${content}.`);
    if (input.fetch === true && !has('url')) throw badInput('fetch: true needs a url.');
    if (input.fetch === false && !content) throw badInput('With fetch: false, give the text or html of the article too.');
    if (content && has('url')) parseUrl(input.url ?? ''); // recorded, not fetched: still a real address
    if (content === 'html') {
      const html = input.html ?? '';
      if (Buffer.byteLength(html, 'utf8') > this.deps.limits.maxBytes) {
        throw badInput(`Article html is over the ${this.deps.limits.maxBytes}-byte limit (MAX_ARTICLE_BYTES).`);
      }
      return withPage(input, htmlToText(html, input.url ?? undefined));
    }
    if (!content && has('url')) {
      const page = await fetchUrl(input.url ?? '', this.deps.fetchPolicy);
      // A redirect: keep the address asked for too, so the link is known as stored next time.
      const linkUrl = page.url !== input.url ? input.url : null;
      if (/html/i.test(page.contentType) || /^\s*</.test(page.body)) {
        return { ...withPage(input, htmlToText(page.body, page.url)), url: page.url, linkUrl };
      }
      return { ...input, url: page.url, linkUrl, text: page.body };
    }
    return input;
  }
}

/** The input with a page's text, and its title, site name and date where the input gives none. */
function withPage(input: IngestInput, page: PageText): ArticleInput {
  return {
    ...input,
    text: page.text,
    title: input.title ?? page.title,
    source: input.source ?? page.source,
    publishedAt: input.publishedAt ?? usableDate(page.publishedAt),
  };
}

/** A page's metadata date if it reads as one; a malformed one is dropped, not a reason to refuse the article. */
function usableDate(value: string | null): string | null {
  try {
    return normaliseDate(value);
  } catch {
    return null;
  }
}
