// The annotate stage's output: what Stanford CoreNLP says about one article's text, reduced to
// what later stages read. Offsets are UTF-16 code units into the article text (Java and
// JavaScript strings count the same way), so every span can be sliced from the text exactly.

/** One token. */
export interface AnnotatedToken {
  /** The token as CoreNLP normalised it ("``" for an opening quote); `text.slice(start, end)` is the original. */
  word: string;
  lemma: string;
  /** Penn Treebank tag: NNP, VBD, … */
  pos: string;
  /** CoreNLP's NER tag for the token, "O" for none. */
  ner: string;
  start: number;
  end: number;
}

/** One dependency arc of the enhanced++ graph; token indices are 0-based within the sentence, head -1 is the root. */
export interface Dependency {
  /** Universal Dependencies relation, with enhanced++ case marking: "nsubj", "obl:in", "nsubj:pass". */
  rel: string;
  head: number;
  dep: number;
}

/** A named-entity mention as CoreNLP's NER found it (consecutive tokens with one tag). */
export interface NerMention {
  /** PERSON, ORGANIZATION, LOCATION, MISC (and, with the richer models, CITY, COUNTRY, …). */
  type: string;
  /** Token range within the sentence, end exclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
}

/** One sentence. */
export interface AnnotatedSentence {
  start: number;
  end: number;
  tokens: AnnotatedToken[];
  deps: Dependency[];
  /** The token the parser made the root (-1 when it gave none). */
  root: number;
  mentions: NerMention[];
}

/** A whole article's annotation. */
export interface Annotation {
  /** The annotator settings' signature; part of the extractor version. */
  settings: string;
  sentences: AnnotatedSentence[];
}

/** The annotate stage: text in, annotation out (a CoreNLP server behind it). */
export interface Annotator {
  annotate(text: string): Promise<Annotation>;
  /** Resolves when the server answers; rejects otherwise (for /health). */
  check(): Promise<void>;
}
