// Moves evidence back to the edges it had before a merge decision, re-creating those edges.
// Params: $decisionId, $edges [{id, type, source, target, firstSeen, lastSeen, role}]
// Returns: restored (count)
UNWIND $edges AS e
MATCH (s:Entity {id: e.source})
MATCH (t:Entity {id: e.target})
MERGE (s)-[r:RELATED {id: e.id}]->(t)
  ON CREATE SET r.type = e.type, r.role = e.role, r.firstSeen = datetime(e.firstSeen), r.lastSeen = datetime(e.lastSeen), r.weight = 0
WITH e
MATCH (v:Evidence {decision: $decisionId, movedFrom: e.id})
SET v.relationId = e.id
REMOVE v.movedFrom, v.decision
RETURN count(*) AS restored
