// Deletes a saved view by name.
// Params: $name (string)
// Returns: deleted (integer: 1 or 0)
OPTIONAL MATCH (v:View {name: $name})
WITH v, CASE WHEN v IS NULL THEN 0 ELSE 1 END AS deleted
DELETE v
RETURN deleted
