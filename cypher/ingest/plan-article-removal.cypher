// What deleting an article leaves of each relation it supported: the relation's weight
// (independent sources), outlets, articleCount, its evidence counts per stance and
// firstSeen/lastSeen from the other articles' evidence. Read before anything is deleted, so
// the index lookups see no pending deletions (which made them slow on large articles).
// Params: $articleId, $stanceOrder (the stances, in the order of `stances`)
// Returns: relations (list of {elementId, weight, outlets, unsourced, articleCount, stances, firstSeen, lastSeen}; weight 0: nothing else supports it)
MATCH (a:Article {id: $articleId})
CALL (a) {
  OPTIONAL MATCH (v:Evidence)-[:FROM]->(a)
  WITH DISTINCT v.relationId AS rid
  WHERE rid IS NOT NULL
  CALL (rid, a) {
    OPTIONAL MATCH (:Evidence {relationId: rid})-[:FROM]->(x:Article)
    WHERE x <> a
    WITH DISTINCT x, coalesce(x.publishedAt, datetime(x.ingestedAt)) AS seen
    RETURN count(x) AS articleCount, collect(DISTINCT x.outletKey) AS outlets, count(CASE WHEN x.outletKey IS NULL THEN x END) AS unsourced,
           min(seen) AS firstSeen, max(seen) AS lastSeen
  }
  CALL (rid, a) {
    OPTIONAL MATCH (v:Evidence {relationId: rid})-[:FROM]->(x:Article)
    WHERE x <> a
    RETURN collect(v.stance) AS stances
  }
  CALL (rid) {
    MATCH ()-[r:RELATED {id: rid}]->()
    RETURN elementId(r) AS elementId
  }
  RETURN collect({elementId: elementId, weight: size(outlets) + unsourced, outlets: outlets, unsourced: unsourced, articleCount: articleCount, stances: [s IN $stanceOrder | size([x IN stances WHERE x = s])], firstSeen: firstSeen, lastSeen: lastSeen}) AS relations
}
RETURN relations
