// One page of evidence sentences for each of several relations, in a stable order, each after
// its own cursor: the relations a response shows are read in one transaction, not one each.
// Params: $pages (list of {relationId, after}: after is the evidence id to start after, or ''
//         for the start), $first (integer: the page size, per relation)
// Returns: relationId, after (the page's cursor, to match the page asked for),
//          evidence {id, sentence, start, end, confidence, extractorVersion, rules},
//          article {id, title, url, source, publishedAt}
UNWIND $pages AS page
CALL (page) {
  MATCH (v:Evidence {relationId: page.relationId})-[:FROM]->(a:Article)
  WHERE v.id > page.after
  RETURN v, a
  ORDER BY v.id
  LIMIT $first
}
RETURN page.relationId AS relationId, page.after AS after,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion, rules: coalesce(v.rules, [])} AS evidence,
       a {.id, .title, .url, .source, .publishedAt} AS article
