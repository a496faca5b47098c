// Deletes an article with its evidence and mentions; an entity it was the last to mention goes
// too. Walks out from the article (no index lookups), so its cost grows with the article only.
// Params: $articleId
// Returns: entitiesDeleted (count)
MATCH (a:Article {id: $articleId})
CALL (a) {
  MATCH (v:Evidence)-[:FROM]->(a)
  DETACH DELETE v
}
CALL (a) {
  MATCH (a)-[m:MENTIONS]->(e:Entity)
  DELETE m
  SET e.articleCount = COUNT { (:Article)-[:MENTIONS]->(e) }
  WITH e
  WHERE e.articleCount = 0
  DETACH DELETE e
  RETURN count(*) AS entitiesDeleted
}
DETACH DELETE a
RETURN entitiesDeleted
