// The evidence of many relations at once, with each sentence's article, for exports.
// Params: $relationIds (list of relation ids), $limit (integer)
// Returns: relationId, evidence {id, sentence, start, end, confidence, extractorVersion},
//          article {id, title, url, source, publishedAt}
UNWIND $relationIds AS rid
MATCH (v:Evidence {relationId: rid})-[:FROM]->(a:Article)
RETURN rid AS relationId,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion} AS evidence,
       a {.id, .title, .url, .source, .publishedAt} AS article
ORDER BY rid, v.id
LIMIT $limit
