// After an article is written again (re-processed), removes what only its old extraction had:
// evidence and mentions this write did not make or keep (their writeId is another's, or none:
// an article's first write marks nothing), and
// reports what they touched so counts can be refreshed. Writing first and deleting after keeps
// the unique-index lookups of the write free of pending deletions (slow on large articles).
// Params: $articleId, $writeId
// Returns: relationIds (list of relation ids that lost evidence), entityIds (list of entity ids that lost a mention)
MATCH (a:Article {id: $articleId})
CALL (a) {
  OPTIONAL MATCH (v:Evidence)-[:FROM]->(a)
  WHERE v.writeId IS NULL OR v.writeId <> $writeId
  WITH collect(DISTINCT v.relationId) AS relationIds, collect(v) AS evidence
  FOREACH (v IN evidence | DETACH DELETE v)
  RETURN relationIds
}
CALL (a) {
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  WHERE m.writeId IS NULL OR m.writeId <> $writeId
  WITH collect(DISTINCT e.id) AS entityIds, collect(m) AS mentions
  FOREACH (m IN mentions | DELETE m)
  RETURN entityIds
}
RETURN relationIds, entityIds
