// Every entity of the given types (all types when null), for whole-graph exports.
// Params: $types (entity types or null)
// Returns: entity {id, name, type, aliases, articleCount}
MATCH (e:Entity)
WHERE $types IS NULL OR e.type IN $types
RETURN e {.id, .name, .type, .aliases, .articleCount} AS entity
