// Re-points edges: creates each new edge (merging into an existing one with the same id),
// moves the old edge's evidence to it (remembering where it came from), deletes the old edge.
// Params: $moves [{oldId, newId, source, target, type, firstSeen, lastSeen, role}], $decisionId
// Returns: moved (count)
UNWIND $moves AS mv
MATCH ()-[old:RELATED {id: mv.oldId}]->()
MATCH (s:Entity {id: mv.source})
MATCH (t:Entity {id: mv.target})
MERGE (s)-[r:RELATED {id: mv.newId}]->(t)
  ON CREATE SET r.type = mv.type, r.role = mv.role, r.firstSeen = datetime(mv.firstSeen), r.lastSeen = datetime(mv.lastSeen), r.weight = 0
SET r.firstSeen = CASE WHEN datetime(mv.firstSeen) < r.firstSeen THEN datetime(mv.firstSeen) ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN datetime(mv.lastSeen) > r.lastSeen THEN datetime(mv.lastSeen) ELSE r.lastSeen END
WITH old, mv
CALL (mv) {
  MATCH (v:Evidence {relationId: mv.oldId})
  SET v.relationId = mv.newId, v.movedFrom = mv.oldId, v.decision = $decisionId
}
DELETE old
RETURN count(*) AS moved
