// The evidence of every relation a whole-graph export carries, each with its article.
// Params: $types (entity types or null), $relationTypes (list or null), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relationId, evidence {id, sentence, start, end, confidence, extractorVersion, rules},
//          article {id, title, url, source, publishedAt}
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE ($types IS NULL OR (s.type IN $types AND t.type IN $types))
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
MATCH (v:Evidence {relationId: r.id})-[:FROM]->(a:Article)
RETURN r.id AS relationId,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion, rules: coalesce(v.rules, [])} AS evidence,
       a {.id, .title, .url, .source, .publishedAt} AS article
