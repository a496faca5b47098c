// Saves a watch: a named set of entities whose new links the analyst wants to hear of. Given
// ids, creates it or replaces its entities; given null ids, changes only an existing one.
// markSeen moves its seenAt (what "new" counts from) to now; a new watch starts at now.
// Params: $name, $ids (entity ids, or null to keep them), $now (ISO datetime), $markSeen (boolean)
// Returns: watch {name, ids, createdAt, seenAt} (no row when ids is null and there is no such watch)
OPTIONAL MATCH (old:Watch {name: $name})
WITH old WHERE old IS NOT NULL OR $ids IS NOT NULL
MERGE (w:Watch {name: $name})
  ON CREATE SET w.createdAt = $now, w.seenAt = $now
SET w.ids = coalesce($ids, w.ids)
FOREACH (_ IN CASE WHEN $markSeen THEN [1] ELSE [] END | SET w.seenAt = $now)
RETURN w {.name, .ids, .createdAt, .seenAt} AS watch
