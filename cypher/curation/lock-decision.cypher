// Takes the write lock on a decision before it is read, so that two undos of one decision
// queue up and the second sees the first one's result. The marker is gone again at commit.
// Params: $id
// Returns: id
MATCH (d:Decision {id: $id})
SET d._lock = true
REMOVE d._lock
RETURN d.id AS id
