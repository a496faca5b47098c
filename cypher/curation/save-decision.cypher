// Records a curation decision so re-ingesting never undoes it and undoDecision can reverse it.
// Params: $decision {id, kind, entityId, otherId, payload (JSON string), createdAt, summary}
// Returns: id
CREATE (d:Decision)
SET d = $decision, d.undone = false
RETURN d.id AS id
