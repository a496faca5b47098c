// Counts broken invariants of the stored graph (every count is 0 in a healthy graph): after a
// fuzz run or a crash, what was written is whole.
// Params: none
// Returns: evidenceWithoutArticle, evidenceWithoutRelation, relationsWithWrongWeight,
//          relationsWithoutDates, entitiesWithWrongCount, entitiesWithoutMentions,
//          articlesWithoutText, datesAsStrings, unwantedCharacters
CALL () {
  MATCH (v:Evidence) WHERE NOT (v)-[:FROM]->(:Article)
  RETURN count(v) AS evidenceWithoutArticle
}
CALL () {
  MATCH (v:Evidence) WHERE v.decision IS NULL AND NOT EXISTS { MATCH ()-[r:RELATED {id: v.relationId}]->() }
  RETURN count(v) AS evidenceWithoutRelation
}
CALL () {
  MATCH ()-[r:RELATED]->()
  // Weight: independent sources (distinct outlet keys); articleCount: distinct articles.
  WITH r, size(COLLECT { MATCH (v:Evidence {relationId: r.id})-[:FROM]->(x:Article) RETURN DISTINCT coalesce(x.outletKey, x.id) }) AS supported,
       size(COLLECT { MATCH (v:Evidence {relationId: r.id})-[:FROM]->(x:Article) RETURN DISTINCT x.id }) AS articles
  RETURN sum(CASE WHEN r.weight <> supported OR coalesce(r.articleCount, articles) <> articles OR supported = 0 THEN 1 ELSE 0 END) AS relationsWithWrongWeight,
         sum(CASE WHEN r.firstSeen IS NULL OR r.lastSeen IS NULL OR r.firstSeen > r.lastSeen THEN 1 ELSE 0 END) AS relationsWithoutDates
}
CALL () {
  MATCH (e:Entity)
  WITH e, COUNT { (:Article)-[:MENTIONS]->(e) } AS mentioned
  RETURN sum(CASE WHEN e.articleCount <> mentioned THEN 1 ELSE 0 END) AS entitiesWithWrongCount,
         sum(CASE WHEN mentioned = 0 THEN 1 ELSE 0 END) AS entitiesWithoutMentions
}
CALL () {
  MATCH (a:Article)
  RETURN sum(CASE WHEN a.text IS NULL OR a.text = '' OR a.title IS NULL THEN 1 ELSE 0 END) AS articlesWithoutText,
         sum(CASE WHEN a.publishedAt IS :: STRING NOT NULL THEN 1 ELSE 0 END) AS datesAsStrings,
         sum(CASE WHEN a.title =~ '.*[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF].*' OR coalesce(a.source, '') =~ '.*[\\x00-\\x1F\\x7F\\uFFFE\\uFFFF].*' THEN 1 ELSE 0 END) AS unwantedCharacters
}
RETURN evidenceWithoutArticle, evidenceWithoutRelation, relationsWithWrongWeight, relationsWithoutDates,
       entitiesWithWrongCount, entitiesWithoutMentions, articlesWithoutText, datesAsStrings, unwantedCharacters
