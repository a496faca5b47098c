// Takes the write lock on an article (creating its node if new) before anything is read, so
// that parallel ingests of one text queue up: the first writes it, the rest find it stored.
// Locks are held to the end of the transaction; the marker property is gone again at commit.
// Params: $id (article id)
// Returns: id
MERGE (a:Article {id: $id})
SET a._lock = true
REMOVE a._lock
RETURN a.id AS id
