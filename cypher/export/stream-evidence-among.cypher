// The evidence of every relation among a set of entities that passes the filters, each with
// its article; read as a stream by exports.
// Params: $ids (entity ids), $relationTypes (list or null), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relationId, evidence {id, sentence, start, end, confidence, extractorVersion, rules},
//          article {id, title, url, source, publishedAt}
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r:RELATED]->(t:Entity)
WHERE t.id IN $ids
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
MATCH (v:Evidence {relationId: r.id})-[:FROM]->(a:Article)
RETURN r.id AS relationId,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion, rules: coalesce(v.rules, [])} AS evidence,
       a {.id, .title, .url, .source, .publishedAt} AS article
