// Every edge whose two ends are both in a set of entities and that passes the filters.
// Params: $ids (entity ids), $relationTypes (list or null),
//         $stances (stances or null: only relations with evidence in one of them), $stanceOrder (the order of r.stances), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relation {id, type, weight (independent sources), articleCount, stances (evidence counts in $stanceOrder, or null), source, target, firstSeen, lastSeen}
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r:RELATED]->(t:Entity)
WHERE t.id IN $ids
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND ($stances IS NULL OR any(i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] IN $stances AND coalesce(r.stances[i], 0) > 0))
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
RETURN r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation
