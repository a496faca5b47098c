// One relation by id.
// Params: $id
// Returns: relation {id, type, weight (independent sources), articleCount, stances (evidence counts per stance, in the order of the STANCES list), source, target, firstSeen, lastSeen}
MATCH (s:Entity)-[r:RELATED {id: $id}]->(t:Entity)
RETURN r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: s.id, target: t.id} AS relation
