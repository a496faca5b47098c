// One page of evidence sentences for each of several relations, in a stable order, each after
// its own cursor: the relations a response shows are read in one transaction, not one each.
// Params: $pages (list of {relationId, after}: after is the evidence id to start after, or ''
//         for the start), $first (integer: the page size, per relation),
//         $stances (list of stances, or null for all: only evidence presented so)
// Returns: relationId, after (the page's cursor, to match the page asked for),
//          evidence {id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules,
//                    attributedTo (entity {id, name, type, aliases, articleCount} or null)},
//          article {id, title, url, source, outlet, publishedAt}
UNWIND $pages AS page
CALL (page) {
  MATCH (v:Evidence {relationId: page.relationId})-[:FROM]->(a:Article)
  WHERE v.id > page.after
    AND ($stances IS NULL OR v.stance IN $stances)
  RETURN v, a
  ORDER BY v.id
  LIMIT $first
}
RETURN page.relationId AS relationId, page.after AS after,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, []),
          attributedTo: COLLECT { MATCH (e:Entity {id: v.attributedTo}) RETURN e {.id, .name, .type, .aliases, .articleCount} }[0]} AS evidence,
       a {.id, .title, .url, .source, .outlet, .publishedAt} AS article
