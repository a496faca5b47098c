// Every relation between entities of the given types that passes the filters, with how many
// evidence sentences support it, for whole-graph exports.
// Params: $types (entity types or null), $relationTypes (list or null),
//         $stances (stances or null: only relations with evidence in one of them), $stanceOrder (the order of r.stances), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relation {id, type, weight (independent sources), articleCount, stances (evidence counts in $stanceOrder, or null), source, target, firstSeen, lastSeen}, evidenceCount (integer)
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE ($types IS NULL OR (s.type IN $types AND t.type IN $types))
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND ($stances IS NULL OR any(i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] IN $stances AND coalesce(r.stances[i], 0) > 0))
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
RETURN r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation,
       COUNT { (v:Evidence {relationId: r.id}) } AS evidenceCount
