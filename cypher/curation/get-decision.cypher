// One curation decision.
// Params: $id
// Returns: decision {id, kind, entityId, otherId, payload, createdAt, undone, summary}
MATCH (d:Decision {id: $id})
RETURN d {.id, .kind, .entityId, .otherId, .payload, .createdAt, .undone, .summary} AS decision
