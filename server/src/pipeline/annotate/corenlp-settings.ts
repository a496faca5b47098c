/**
 * The CoreNLP annotators and options every request asks for, chosen by measurement
 * (docs/extraction.md, "Annotation"): the CoNLL 4-class CRF alone (names; the 3- and 7-class
 * models, SUTime, the numeric and fine-grained classifiers cost 2.5x the time for no gain on
 * our measures), and the neural dependency parser, which gives enhanced++ dependencies.
 * Coreference is left out: statistical coref cut throughput from ~1,700 to ~400 words/s.
 */
export const CORENLP_PROPERTIES: Readonly<Record<string, string>> = {
  annotators: 'tokenize,ssplit,pos,lemma,ner,depparse',
  outputFormat: 'json',
  'ssplit.newlineIsSentenceBreak': 'two',
  'ner.model': 'edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz',
  'ner.applyFineGrained': 'false',
  'ner.useSUTime': 'false',
  'ner.applyNumericClassifiers': 'false',
  'ner.buildEntityMentions': 'true',
};

/** Short signature of the settings, carried in the extractor version. */
export const CORENLP_SETTINGS = 'corenlp-4.5.10:conll4+depparse';
