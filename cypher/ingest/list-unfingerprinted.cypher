// Articles stored before near-duplicate detection, without a MinHash fingerprint: read in id
// order from a cursor so a large store is walked once through the id index.
// Params: $after (an article id; '' to start), $limit
// Returns: id, text
MATCH (a:Article)
WHERE a.id > $after AND a.minhash IS NULL
RETURN a.id AS id, a.text AS text
ORDER BY a.id
LIMIT $limit
