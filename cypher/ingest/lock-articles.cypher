// Takes the write lock on each article (creating its node if new) and then reads the extractor
// version it was stored with, so that parallel ingests of one text queue up: the first writes it,
// the rest find it stored. Callers pass the ids sorted, so two batches that share articles lock
// them in the same order. Locks are held to the end of the transaction; the marker property is
// gone again at commit.
// Params: $ids (list of article ids, sorted)
// Returns: id, extractorVersion (string, or null for an article not stored before)
UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a._lock = true
REMOVE a._lock
RETURN a.id AS id, a.extractorVersion AS extractorVersion
