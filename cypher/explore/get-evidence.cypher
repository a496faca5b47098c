// The evidence sentences of a relation, in a stable order, after a cursor.
// Params: $relationId, $after (evidence id to start after, or '' for the start), $first (integer)
// Returns: evidence {id, sentence, start, end, confidence, extractorVersion},
//          article {id, title, url, source, publishedAt}
MATCH (v:Evidence {relationId: $relationId})-[:FROM]->(a:Article)
WHERE v.id > $after
RETURN v {.id, .sentence, .start, .end, .confidence, .extractorVersion} AS evidence,
       a {.id, .title, .url, .source, .publishedAt} AS article
ORDER BY v.id
LIMIT $first
