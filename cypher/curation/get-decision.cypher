// One curation decision.
// Params: $id
// Returns: decision {id, kind, entityId, otherId, payload, createdAt, undone}
MATCH (d:Decision {id: $id})
RETURN d {.id, .kind, .entityId, .otherId, .payload, .createdAt, .undone} AS decision
