// The evidence of every relation a whole-graph export carries, each with its article.
// Params: $types (entity types or null), $relationTypes (list or null),
//         $stances (stances or null: only relations with evidence in one of them), $stanceOrder (the order of r.stances), $minWeight (integer),
//         $since, $until (ISO date strings or null; compared as datetimes)
// Returns: relationId, evidence {id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules,
//                    attributedTo (entity {id, name, type, aliases, articleCount} or null)},
//          article {id, title, url, source, outlet, publishedAt}
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE ($types IS NULL OR (s.type IN $types AND t.type IN $types))
  AND ($relationTypes IS NULL OR r.type IN $relationTypes)
  AND ($stances IS NULL OR any(i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] IN $stances AND coalesce(r.stances[i], 0) > 0))
  AND r.weight >= $minWeight
  AND ($since IS NULL OR r.lastSeen >= datetime($since))
  AND ($until IS NULL OR r.firstSeen <= datetime($until))
MATCH (v:Evidence {relationId: r.id})-[:FROM]->(a:Article)
RETURN r.id AS relationId,
       v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, []),
          attributedTo: COLLECT { MATCH (e:Entity {id: v.attributedTo}) RETURN e {.id, .name, .type, .aliases, .articleCount} }[0]} AS evidence,
       a {.id, .title, .url, .source, .outlet, .publishedAt} AS article
