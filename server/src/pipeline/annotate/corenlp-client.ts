import { AppError } from '../../domain/errors.ts';
import type { AnnotatedSentence, Annotation, Annotator, Dependency, NerMention } from './annotation.ts';
import { chunkText } from './chunk-text.ts';
import { CORENLP_PROPERTIES, CORENLP_SETTINGS } from './corenlp-settings.ts';

/** How to reach a CoreNLP server. */
export interface CoreNLPClientOptions {
  /** Base URL of a CoreNLP server (`http://127.0.0.1:9000`). */
  url: string;
  /** Longest wait for one piece of text, in ms. */
  timeoutMs: number;
  /** Pieces of one article annotated at once. */
  concurrency?: number;
  /** Longest piece sent in one request (CoreNLP's server refuses 100,000 characters and more). */
  maxChars?: number;
}

// The parts of CoreNLP's JSON output that are read.
interface RawToken {
  word: string;
  lemma?: string;
  pos?: string;
  ner?: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
}
interface RawDependency {
  dep: string;
  governor: number;
  dependent: number;
}
interface RawMention {
  tokenBegin: number;
  tokenEnd: number;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  text: string;
  ner: string;
}
interface RawSentence {
  tokens: RawToken[];
  enhancedPlusPlusDependencies?: RawDependency[];
  basicDependencies?: RawDependency[];
  entitymentions?: RawMention[];
}

/**
 * The annotate stage over CoreNLP's HTTP protocol: works with the local server Newsgraph starts
 * and with any CoreNLP 4.5 server (CORENLP_URL). A server that is down, slow or answers an
 * error gives SERVICE_UNAVAILABLE naming the server; nothing is half-annotated.
 */
export function createCoreNLPAnnotator(opts: CoreNLPClientOptions): Annotator {
  const base = opts.url.replace(/\/+$/, '');
  const query = `?properties=${encodeURIComponent(JSON.stringify(CORENLP_PROPERTIES))}`;
  const maxChars = opts.maxChars ?? 40_000;
  const concurrency = Math.max(1, opts.concurrency ?? 2);

  const annotatePiece = async (text: string, offset: number): Promise<AnnotatedSentence[]> => {
    // A piece of only blank space has no sentences; CoreNLP would answer an empty document anyway.
    if (!/\S/.test(text)) return [];
    let res: Response;
    try {
      res = await fetch(`${base}/${query}`, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw unavailable(timedOut ? `gave no answer within ${opts.timeoutMs / 1000} s` : 'could not be reached', err);
    }
    const body = await res.text().catch(() => '');
    if (!res.ok) throw unavailable(`answered HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    let raw: { sentences?: RawSentence[] };
    try {
      raw = JSON.parse(body) as { sentences?: RawSentence[] };
    } catch (err) {
      throw unavailable('answered something that is not CoreNLP JSON', err);
    }
    return (raw.sentences ?? []).map((s) => toSentence(s, offset));
  };

  return {
    async annotate(text: string): Promise<Annotation> {
      const chunks = chunkText(text, maxChars);
      const results: AnnotatedSentence[][] = new Array(chunks.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < chunks.length) {
          const i = next++;
          const chunk = chunks[i];
          if (chunk) results[i] = await annotatePiece(chunk.text, chunk.offset);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
      return { settings: CORENLP_SETTINGS, sentences: results.flat() };
    },
    async check(): Promise<void> {
      const res = await fetch(`${base}/live`, { signal: AbortSignal.timeout(Math.min(opts.timeoutMs, 5000)) });
      if (!res.ok) throw new Error(`CoreNLP answered HTTP ${res.status}`);
    },
  };

  function unavailable(why: string, cause?: unknown): AppError {
    return new AppError('SERVICE_UNAVAILABLE', `The annotation service (CoreNLP at ${base}) ${why}. Nothing was stored; try again when it is back.`, { cause });
  }
}

function toSentence(s: RawSentence, offset: number): AnnotatedSentence {
  const tokens = s.tokens.map((t) => ({
    word: t.word,
    lemma: t.lemma ?? t.word,
    pos: t.pos ?? '',
    ner: t.ner ?? 'O',
    start: t.characterOffsetBegin + offset,
    end: t.characterOffsetEnd + offset,
  }));
  const arcs = s.enhancedPlusPlusDependencies ?? s.basicDependencies ?? [];
  const root = (arcs.find((d) => d.dep === 'ROOT')?.dependent ?? 0) - 1;
  const deps: Dependency[] = arcs
    .filter((d) => d.dep !== 'ROOT')
    .map((d) => ({ rel: d.dep, head: d.governor - 1, dep: d.dependent - 1 }));
  // CoreNLP adds pronouns ("he", "his") as PERSON mentions for its own coreference: a mention
  // is a name only when one of its tokens is a proper noun.
  const named = (m: RawMention): boolean => tokens.slice(m.tokenBegin, m.tokenEnd).some((t) => t.pos.startsWith('NNP'));
  const mentions: NerMention[] = (s.entitymentions ?? []).filter(named).map((m) => ({
    type: m.ner,
    from: m.tokenBegin,
    to: m.tokenEnd,
    start: m.characterOffsetBegin + offset,
    end: m.characterOffsetEnd + offset,
    text: m.text,
  }));
  return { start: tokens[0]?.start ?? offset, end: tokens.at(-1)?.end ?? offset, tokens, deps, root, mentions };
}
