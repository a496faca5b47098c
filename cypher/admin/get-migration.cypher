// Whether a one-off data migration has run on this store (a Migration node records it).
// Params: $id (the migration's name)
// Returns: done (boolean)
RETURN EXISTS { MATCH (:Migration {id: $id}) } AS done
