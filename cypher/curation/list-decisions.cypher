// Curation decisions, newest first.
// Params: $limit (integer)
// Returns: decision {id, kind, entityId, otherId, payload, createdAt, undone, summary}
MATCH (d:Decision)
RETURN d {.id, .kind, .entityId, .otherId, .payload, .createdAt, .undone, .summary} AS decision
ORDER BY d.createdAt DESC, d.id DESC
LIMIT $limit
