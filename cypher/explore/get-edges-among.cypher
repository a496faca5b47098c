// Every edge whose two ends are both in a set of entities and that passes the filters.
// Params: $ids (entity ids), $relationTypes (list or null), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relation {id, type, weight, source, target, firstSeen, lastSeen}
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r:RELATED]->(t:Entity)
WHERE t.id IN $ids
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
RETURN r {.id, .type, .weight, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation
