// Re-creates an entity from its saved properties (undoing a merge) and its article mentions.
// Params: $props (map of properties, including id), $mentions [{articleId, count}]
// Returns: id
CREATE (e:Entity)
SET e = $props
WITH e
CALL (e) {
  UNWIND $mentions AS m
  MATCH (x:Article {id: m.articleId})
  MERGE (x)-[r:MENTIONS]->(e)
  SET r.count = m.count
}
RETURN e.id AS id
