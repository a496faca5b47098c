// Saves a named view (creating it or replacing its state), keyed by name.
// Params: $name (string), $state (the view as a URL fragment), $savedAt (ISO date-time)
// Returns: view {name, state, savedAt}
MERGE (v:View {name: $name})
SET v.state = $state, v.savedAt = $savedAt
RETURN v {.name, .state, .savedAt} AS view
