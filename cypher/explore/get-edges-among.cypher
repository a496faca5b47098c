// Every edge whose two ends are both in a set of entities.
// Params: $ids (entity ids)
// Returns: relation {id, type, weight, source, target}
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r:RELATED]->(t:Entity)
WHERE t.id IN $ids
RETURN r {.id, .type, .weight, source: s.id, target: t.id} AS relation
