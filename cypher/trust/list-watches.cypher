// The watches, by name.
// Params: $limit
// Returns: watch {name, ids, createdAt, seenAt}
MATCH (w:Watch)
RETURN w {.name, .ids, .createdAt, .seenAt} AS watch
ORDER BY w.name
LIMIT $limit
