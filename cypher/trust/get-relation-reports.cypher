// Each evidence sentence of the links between pairs of entities, with the stance it presents
// its link with and its article (find-conflicts looks for one article denying a link between
// two entities that another claims). A denial often lands on the pair's co-mention ("X was never
// a member of Y"), so every relation of a pair comes back together. Given relation ids, their
// pairs; given null, every pair with a denying sentence and another relation.
// Params: $ids (relation ids, or null), $stanceOrder (the stances, in the order of a relation's `stances` counts)
// Returns: pair (the two entity ids, in id order),
//          relations [{relation {id, type, weight, articleCount, stances, firstSeen, lastSeen, source, target},
//                      reports [{article {id, title, url, source, outlet, publishedAt, seenAt},
//                                evidence {id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules}}]}]
WITH [i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] = 'DENIED'][0] AS denied
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE CASE WHEN $ids IS NULL THEN r.stances[denied] > 0 ELSE r.id IN $ids END
WITH DISTINCT CASE WHEN s.id < t.id THEN [s, t] ELSE [t, s] END AS pair
WITH pair[0] AS a, pair[1] AS b
MATCH (a)-[r:RELATED]-(b)
WITH a, b, r, startNode(r) AS x, endNode(r) AS y
CALL (r) {
  MATCH (v:Evidence {relationId: r.id})-[:FROM]->(art:Article)
  RETURN collect({
    article: art {.id, .title, .url, .source, .outlet, .publishedAt, seenAt: toString(coalesce(art.publishedAt, datetime(art.ingestedAt)))},
    evidence: v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, [])}
  }) AS reports
}
WITH a, b, collect({relation: r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: x.id, target: y.id}, reports: reports}) AS relations
WHERE $ids IS NOT NULL OR size(relations) > 1
RETURN [a.id, b.id] AS pair, relations
