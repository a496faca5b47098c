// Active merges whose merged-away id is among the given ids: ingest maps them to their target.
// Params: $ids
// Returns: fromId, intoId
MATCH (d:Decision {kind: 'merge', undone: false})
WHERE d.otherId IN $ids
RETURN d.otherId AS fromId, d.entityId AS intoId
