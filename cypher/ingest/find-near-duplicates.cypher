// Stored articles sharing at least one MinHash LSH band with a text: its near-duplicate
// candidates, most bands in common first (the caller compares signatures to decide).
// Params: $bands (band keys separated by spaces), $limit
// Returns: id, signature (the article's MinHash signature)
CALL db.index.fulltext.queryNodes('article_minhash', $bands, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.minhash AS signature
ORDER BY score DESC
