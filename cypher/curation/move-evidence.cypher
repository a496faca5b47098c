// Moves single evidence nodes to other (possibly new) edges, remembering where they came from.
// Params: $moves [{evidenceId, oldId, newId, source, target, type, firstSeen, lastSeen, role}], $decisionId
// Returns: moved (count)
UNWIND $moves AS mv
MATCH (s:Entity {id: mv.source})
MATCH (t:Entity {id: mv.target})
MERGE (s)-[r:RELATED {id: mv.newId}]->(t)
  ON CREATE SET r.type = mv.type, r.role = mv.role, r.firstSeen = datetime(mv.firstSeen), r.lastSeen = datetime(mv.lastSeen), r.weight = 0
WITH mv
MATCH (v:Evidence {id: mv.evidenceId})
SET v.relationId = mv.newId, v.movedFrom = mv.oldId, v.decision = $decisionId
RETURN count(*) AS moved
