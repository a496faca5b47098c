// Marks a decision undone.
// Params: $id
// Returns: id
MATCH (d:Decision {id: $id})
SET d.undone = true, d.undoneAt = toString(datetime())
RETURN d.id AS id
