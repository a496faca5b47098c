// Turns dates stored as strings by earlier versions (publishedAt, firstSeen, lastSeen) into
// datetimes, so they compare as dates. Idempotent; run at every startup after the schema.
// Params: none
// Returns: articles, relations (how many were converted)
CALL () {
  MATCH (a:Article) WHERE a.publishedAt IS :: STRING NOT NULL
  SET a.publishedAt = datetime(a.publishedAt)
  RETURN count(a) AS articles
}
CALL () {
  MATCH ()-[r:RELATED]->() WHERE r.firstSeen IS :: STRING NOT NULL OR r.lastSeen IS :: STRING NOT NULL
  SET r.firstSeen = datetime(r.firstSeen), r.lastSeen = datetime(r.lastSeen)
  RETURN count(r) AS relations
}
RETURN articles, relations
