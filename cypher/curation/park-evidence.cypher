// A merge turns an edge between the two entities into a loop: drop the edge, and park its
// evidence (remembering where it came from) so undoing the merge can restore it.
// Params: $ids (relation ids), $decisionId
// Returns: parked (count)
UNWIND $ids AS rid
OPTIONAL MATCH ()-[old:RELATED {id: rid}]->()
DELETE old
WITH rid
MATCH (v:Evidence {relationId: rid})
SET v.relationId = 'parked:' + rid, v.movedFrom = rid, v.decision = $decisionId
RETURN count(*) AS parked
