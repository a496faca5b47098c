// One relation by id.
// Params: $id
// Returns: relation {id, type, weight, source, target, firstSeen, lastSeen}
MATCH (s:Entity)-[r:RELATED {id: $id}]->(t:Entity)
RETURN r {.id, .type, .weight, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation
