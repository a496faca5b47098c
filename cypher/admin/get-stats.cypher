// Counts for the stats query: articles, relations, evidence, and entities by type.
// Params: none
// Returns: articles, relations, evidence (integers), byType (list of {type, count})
CALL () {
  MATCH (e:Entity)
  WITH e.type AS type, count(*) AS count
  ORDER BY type
  RETURN collect({type: type, count: count}) AS byType
}
RETURN COUNT { (:Article) } AS articles,
       COUNT { ()-[:RELATED]->() } AS relations,
       COUNT { (:Evidence) } AS evidence,
       byType
