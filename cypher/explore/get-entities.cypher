// Entities by id; ids that do not exist are left out.
// Params: $ids (list of entity ids)
// Returns: entity {id, name, type, aliases, articleCount, date, eventType, count (the last three: events only, else null)}
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .type, .aliases, .articleCount, .date, .eventType, .count} AS entity
