// The saved views, most recently saved first.
// Params: $limit (integer)
// Returns: view {name, state, savedAt}
MATCH (v:View)
RETURN v {.name, .state, .savedAt} AS view
ORDER BY v.savedAt DESC, v.name
LIMIT $limit
