// Each evidence sentence of the links between pairs of entities, with the stance it presents
// its link with and its article (find-conflicts looks for one article denying a link between
// two entities that another claims). A denial often lands on the pair's co-mention ("X was never
// a member of Y"), so every relation of a pair comes back together. Only pairs with a denying
// sentence and more than one link are read: those of the given relation ids.
// Params: $ids (relation ids), $stanceOrder (the stances, in the order of a relation's `stances` counts)
// Returns: pair (the two entity ids, in id order),
//          relations [{relation {id, type, weight, articleCount, stances, firstSeen, lastSeen, source, target},
//                      reports [{article {id, title, url, source, outlet, publishedAt, seenAt},
//                                evidence {id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules}}]}]
WITH [i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] = 'DENIED'][0] AS denied
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE r.id IN $ids
WITH DISTINCT denied, CASE WHEN s.id < t.id THEN [s, t] ELSE [t, s] END AS pair
WITH denied, pair[0] AS a, pair[1] AS b
MATCH (a)-[r:RELATED]-(b)
WITH denied, a, b, collect(r) AS links
WHERE size(links) > 1 AND any(r IN links WHERE r.stances[denied] > 0)
UNWIND links AS r
CALL (r) {
  MATCH (v:Evidence {relationId: r.id})-[:FROM]->(art:Article)
  RETURN collect({
    article: art {.id, .title, .url, .source, .outlet, .publishedAt, seenAt: toString(coalesce(art.publishedAt, datetime(art.ingestedAt)))},
    evidence: v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, [])}
  }) AS reports
}
WITH a, b, collect({relation: r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: startNode(r).id, target: endNode(r).id}, reports: reports}) AS relations
RETURN [a.id, b.id] AS pair, relations
