// Deletes a watch by name.
// Params: $name
// Returns: deleted (1 when there was one, else 0)
OPTIONAL MATCH (w:Watch {name: $name})
DELETE w
RETURN count(w) AS deleted
