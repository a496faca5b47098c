// Sets an entity's name, type and aliases (curation), keeping its search text in step, and
// refreshes its article count.
// Params: $id, $name, $type, $aliases
// Returns: entity {id, name, type, aliases, articleCount}
MATCH (e:Entity {id: $id})
SET e.name = $name, e.type = $type, e.aliases = $aliases,
    e.aliasText = reduce(s = '', x IN $aliases | s + x + ' ; '),
    e.articleCount = COUNT { (:Article)-[:MENTIONS]->(e) }
RETURN e {.id, .name, .type, .aliases, .articleCount} AS entity
