// Recomputes the weight (distinct supporting articles) of relations and deletes those that
// no evidence supports any more.
// Params: $relationIds (list of relation ids)
// Returns: deleted (count of relations removed)
UNWIND $relationIds AS rid
MATCH ()-[r:RELATED {id: rid}]->()
SET r.weight = size(COLLECT { MATCH (v:Evidence {relationId: rid})-[:FROM]->(x:Article) RETURN DISTINCT x.id })
WITH r
WHERE r.weight = 0
DELETE r
RETURN count(*) AS deleted
