// The strongest neighbours of a set of entities, leaving out those already in view, ranked
// by association strength: the edges' weights (co-mentions count 0.3) divided by the square
// root of the neighbour's degree, so a hub such as "United States" does not drown the rest.
// Params: $ids (frontier entity ids), $exclude (ids already collected), $limit (integer),
//         $types (entity types or null), $relationTypes (relation types or null),
//         $stances (stances or null: only relations with evidence in one of them), $stanceOrder (the order of r.stances),
//         $minWeight (integer), $since, $until (ISO date strings or null; compared as datetimes)
// Returns: entities (list of {id, name, type, aliases, articleCount, date, eventType, count}, best first, at most $limit),
//          total (how many neighbours matched before the limit)
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:RELATED]-(n:Entity)
WHERE NOT n.id IN $exclude
  AND ($types IS NULL OR n.type IN $types)
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND ($stances IS NULL OR any(i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] IN $stances AND coalesce(r.stances[i], 0) > 0))
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
WITH n, sum(r.weight * CASE r.type WHEN 'MENTIONED_WITH' THEN 0.3 ELSE 1.0 END) AS w
WITH n, w / sqrt(1.0 + COUNT { (n)-[:RELATED]-() }) AS strength
ORDER BY strength DESC, n.articleCount DESC, n.id
WITH collect(n {.id, .name, .type, .aliases, .articleCount, .date, .eventType, .count}) AS ranked
RETURN ranked[0..$limit] AS entities, size(ranked) AS total
