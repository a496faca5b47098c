// Every relation between entities of the given types that passes the filters, with how many
// evidence sentences support it, for whole-graph exports.
// Params: $types (entity types or null), $relationTypes (list or null), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relation {id, type, weight, source, target, firstSeen, lastSeen}, evidenceCount (integer)
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE ($types IS NULL OR (s.type IN $types AND t.type IN $types))
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
RETURN r {.id, .type, .weight, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation,
       COUNT { (v:Evidence {relationId: r.id}) } AS evidenceCount
