// Removes what an earlier extraction of an article contributed (its evidence and mentions),
// keeping the article node, and reports what was touched so counts can be refreshed.
// Params: $articleId
// Returns: relationIds (list of relation ids that lost evidence), entityIds (list of entity ids that lost a mention)
MATCH (a:Article {id: $articleId})
CALL (a) {
  OPTIONAL MATCH (v:Evidence)-[:FROM]->(a)
  WITH collect(DISTINCT v.relationId) AS relationIds, collect(v) AS evidence
  FOREACH (v IN evidence | DETACH DELETE v)
  RETURN relationIds
}
CALL (a) {
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  WITH collect(DISTINCT e.id) AS entityIds, collect(m) AS mentions
  FOREACH (m IN mentions | DELETE m)
  RETURN entityIds
}
RETURN relationIds, entityIds
