// Deletes an entity node and any relationships left on it.
// Params: $id
// Returns: deleted (count)
MATCH (e:Entity {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
