// Records that a one-off data migration has run, so later startups skip it.
// Params: $id (the migration's name)
// Returns: id
MERGE (m:Migration {id: $id})
RETURN m.id AS id
