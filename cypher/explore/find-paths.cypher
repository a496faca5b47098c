// The shortest paths between two entities (up to 6 hops; $maxLength trims further), optionally
// avoiding hubs (intermediate nodes with more than $hubDegree links), best supported first.
// Params: $from, $to (entity ids), $maxLength (integer 1..6), $limit (integer),
//         $excludeHubs (boolean), $hubDegree (integer)
// Returns: nodes (list of {id, name, type, aliases, articleCount, date, eventType, count}),
//          edges (list of {id, type, weight, articleCount, stances, source, target, firstSeen, lastSeen})
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:RELATED*..6]-(b))
WHERE length(p) <= $maxLength
  AND (NOT $excludeHubs OR all(n IN nodes(p)[1..-1] WHERE COUNT { (n)-[:RELATED]-() } <= $hubDegree))
WITH p, reduce(s = 0, r IN relationships(p) | s + r.weight * CASE r.type WHEN 'MENTIONED_WITH' THEN 1 ELSE 3 END) AS support
ORDER BY length(p), support DESC
LIMIT $limit
RETURN [n IN nodes(p) | n {.id, .name, .type, .aliases, .articleCount, .date, .eventType, .count}] AS nodes,
       [r IN relationships(p) | r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: startNode(r).id, target: endNode(r).id}] AS edges
