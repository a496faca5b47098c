// Recomputes each relation from the evidence that is left: its weight (independent sources: the
// distinct outlet keys of its articles plus its articles with no outlet), outlets, unsourced, articleCount, its evidence counts per stance,
// and its firstSeen/lastSeen (the earliest and latest of those articles' dates:
// publication, else ingestion); deletes the relations no evidence supports any more.
// Params: $relationIds (list of relation ids), $stanceOrder (the stances, in the order of `stances`)
// Returns: deleted (count of relations removed)
UNWIND $relationIds AS rid
MATCH ()-[r:RELATED {id: rid}]->()
CALL (rid) {
  OPTIONAL MATCH (:Evidence {relationId: rid})-[:FROM]->(x:Article)
  WITH DISTINCT x, coalesce(x.publishedAt, datetime(x.ingestedAt)) AS seen
  RETURN count(x) AS articles, collect(DISTINCT x.outletKey) AS outlets, count(CASE WHEN x.outletKey IS NULL THEN x END) AS unsourced,
         min(seen) AS firstSeen, max(seen) AS lastSeen
}
CALL (rid) {
  OPTIONAL MATCH (v:Evidence {relationId: rid})
  RETURN collect(v.stance) AS stances
}
SET r.weight = size(outlets) + unsourced,
    r.outlets = outlets,
    r.unsourced = unsourced,
    r.articleCount = articles,
    r.stances = [s IN $stanceOrder | size([x IN stances WHERE x = s])],
    r.firstSeen = coalesce(firstSeen, r.firstSeen),
    r.lastSeen = coalesce(lastSeen, r.lastSeen)
WITH r
WHERE r.weight = 0
DELETE r
RETURN count(*) AS deleted
