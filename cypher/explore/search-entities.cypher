// Entities whose name or alias matches a fulltext query; an exact (case-insensitive) name
// or alias match ranks first, then fulltext score, then how many articles mention it.
// Params: $query (escaped Lucene query), $exact (lower-cased raw query), $types (list of
//         EntityType or null for all), $limit (integer)
// Returns: entity {id, name, type, aliases, articleCount}, rank
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $types IS NULL OR node.type IN $types
WITH node, score
  + CASE WHEN toLower(node.name) = $exact OR any(x IN node.aliases WHERE toLower(x) = $exact) THEN 100.0 ELSE 0.0 END AS rank
RETURN node {.id, .name, .type, .aliases, .articleCount} AS entity, rank
ORDER BY rank DESC, entity.articleCount DESC, entity.name
LIMIT $limit
