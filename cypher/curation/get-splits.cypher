// Active splits of any of the given entities: ingest sends articles that only use the
// split-off names to the new entity.
// Params: $ids
// Returns: entityId, newId, payload (JSON string with the moved aliases)
MATCH (d:Decision {kind: 'split', undone: false})
WHERE d.entityId IN $ids
RETURN d.entityId AS entityId, d.otherId AS newId, d.payload AS payload
ORDER BY d.createdAt
