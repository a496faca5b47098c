// Recomputes how many articles mention each entity and deletes entities no article mentions.
// Params: $entityIds (list of entity ids)
// Returns: deleted (count of entities removed)
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
SET e.articleCount = COUNT { (:Article)-[:MENTIONS]->(e) }
WITH e
WHERE e.articleCount = 0
DETACH DELETE e
RETURN count(*) AS deleted
