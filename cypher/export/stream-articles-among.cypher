// The articles cited by the evidence of the relations among a set of entities (each once);
// read as a stream by exports.
// Params: $ids (entity ids), $relationTypes (list or null),
//         $stances (stances or null: only relations with evidence in one of them), $stanceOrder (the order of r.stances), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: article {id, title, url, source, outlet, publishedAt}
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r:RELATED]->(t:Entity)
WHERE t.id IN $ids
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND ($stances IS NULL OR any(i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] IN $stances AND coalesce(r.stances[i], 0) > 0))
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
MATCH (:Evidence {relationId: r.id})-[:FROM]->(a:Article)
WITH DISTINCT a
RETURN a {.id, .title, .url, .source, .outlet, .publishedAt} AS article
