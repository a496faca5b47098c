// Removes the mentions of an entity by the given articles (undoing a merge for articles that
// only mentioned the merged-in entity).
// Params: $entityId, $articleIds
// Returns: removed (count)
MATCH (x:Article)-[m:MENTIONS]->(:Entity {id: $entityId})
WHERE x.id IN $articleIds
DELETE m
RETURN count(*) AS removed
