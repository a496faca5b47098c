// Re-points edges: creates each new edge (merging into an existing one with the same id),
// moves the old edge's evidence to it (remembering where it came from), deletes the old edge.
// Params: $moves [{oldId, newId, source, target, type, firstSeen, lastSeen, role}], $decisionId
// Returns: moved (count)
UNWIND $moves AS mv
MATCH ()-[old:RELATED {id: mv.oldId}]->()
MATCH (s:Entity {id: mv.source})
MATCH (t:Entity {id: mv.target})
MERGE (s)-[r:RELATED {id: mv.newId}]->(t)
  ON CREATE SET r.type = mv.type, r.role = mv.role, r.firstSeen = mv.firstSeen, r.lastSeen = mv.lastSeen, r.weight = 0
SET r.firstSeen = CASE WHEN mv.firstSeen < r.firstSeen THEN mv.firstSeen ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN mv.lastSeen > r.lastSeen THEN mv.lastSeen ELSE r.lastSeen END
WITH old, mv
CALL (mv) {
  MATCH (v:Evidence {relationId: mv.oldId})
  SET v.relationId = mv.newId, v.movedFrom = mv.oldId, v.decision = $decisionId
}
DELETE old
RETURN count(*) AS moved
