// Creates an entity for a split (it must not exist yet).
// Params: $id, $name, $type, $aliases
// Returns: id
CREATE (e:Entity {id: $id, name: $name, type: $type, aliases: $aliases, aliasText: reduce(s = '', x IN $aliases | s + x + ' ; '), articleCount: 0})
RETURN e.id AS id
