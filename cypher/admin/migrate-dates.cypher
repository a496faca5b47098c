// Turns dates stored as strings by earlier versions (publishedAt, firstSeen, lastSeen) into
// datetimes, so they compare as dates. Runs once per store: a Migration node records that it
// ran, so later startups do not scan every article and relation again.
// Params: none
// Returns: articles, relations (how many were converted; no row when it had already run)
OPTIONAL MATCH (done:Migration {id: 'dates-as-datetimes'})
WITH done
WHERE done IS NULL
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
MERGE (:Migration {id: 'dates-as-datetimes'})
RETURN articles, relations
