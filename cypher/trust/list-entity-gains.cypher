// Entities first mentioned since a time, and events told by more independent sources since
// then: those mentioned by an article ingested since, with the independent sources (distinct
// outlets, plus articles of no known outlet) that mentioned them before and now.
// Params: $since (ISO datetime), $limit
// Returns: kind ('entity': a new entity that is not an event; 'event': a new or newly
//          corroborated event), rows [{entity {id, name, type, aliases, articleCount, date, eventType, count}, before, now}]
//          (most sources first; at most $limit), total (how many of that kind there are)
MATCH (a:Article) WHERE a.ingestedAt >= $since
MATCH (a)-[:MENTIONS]->(n:Entity)
WITH DISTINCT n
CALL (n) {
  MATCH (x:Article)-[:MENTIONS]->(n)
  WITH x, x.ingestedAt < $since AS old
  RETURN size(collect(DISTINCT CASE WHEN old THEN x.outletKey END)) + count(DISTINCT CASE WHEN old AND x.outletKey IS NULL THEN x END) AS before,
         size(collect(DISTINCT x.outletKey)) + count(DISTINCT CASE WHEN x.outletKey IS NULL THEN x END) AS now
}
WITH n, before, now, CASE WHEN n.type = 'EVENT' THEN 'event' ELSE 'entity' END AS kind
WHERE before = 0 OR (kind = 'event' AND before < now)
ORDER BY now DESC, n.articleCount DESC, n.id
WITH kind, collect({entity: n {.id, .name, .type, .aliases, .articleCount, .date, .eventType, .count}, before: before, now: now}) AS rows
RETURN kind, rows[..$limit] AS rows, size(rows) AS total
