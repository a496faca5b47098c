// Relations that appeared or gained independent sources since a time: those with evidence from
// an article ingested since then, with the independent sources (distinct outlets, plus articles
// of no known outlet) they had from the articles ingested before it. Derived from the articles'
// ingestedAt alone: nothing is recorded for it.
// Params: $since (ISO datetime), $ids (entity ids: only relations among them; null for all), $limit
// Returns: rows [{relation {id, type, weight, articleCount, stances, firstSeen, lastSeen, source, target}, before}]
//          (new ones first, then by weight; at most $limit), total (how many there are)
MATCH (a:Article) WHERE a.ingestedAt >= $since
MATCH (v:Evidence)-[:FROM]->(a)
WITH DISTINCT v.relationId AS rid
MATCH (s:Entity)-[r:RELATED {id: rid}]->(t:Entity)
WHERE $ids IS NULL OR (s.id IN $ids AND t.id IN $ids)
CALL (r) {
  OPTIONAL MATCH (v:Evidence {relationId: r.id})-[:FROM]->(x:Article)
  WHERE x.ingestedAt < $since
  RETURN size(collect(DISTINCT x.outletKey)) + count(DISTINCT CASE WHEN x.outletKey IS NULL THEN x END) AS before
}
WITH s, r, t, before
WHERE before < r.weight
ORDER BY before = 0 DESC, r.weight DESC, r.id
WITH collect({relation: r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: s.id, target: t.id}, before: before}) AS rows
RETURN rows[..$limit] AS rows, size(rows) AS total
