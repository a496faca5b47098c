// The strongest neighbours of a set of entities, leaving out those already in view.
// Params: $ids (frontier entity ids), $exclude (ids already collected), $limit (integer)
// Returns: entity {id, name, type, aliases, articleCount}, strength
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:RELATED]-(n:Entity)
WHERE NOT n.id IN $exclude
WITH n, sum(r.weight) AS strength
ORDER BY strength DESC, n.articleCount DESC, n.id
LIMIT $limit
RETURN n {.id, .name, .type, .aliases, .articleCount} AS entity, strength
