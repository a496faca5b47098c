// The articles that mention an entity, newest first.
// Params: $id (entity id), $limit (integer)
// Returns: article {id, title, url, source, outlet, publishedAt}
MATCH (a:Article)-[m:MENTIONS]->(:Entity {id: $id})
RETURN a {.id, .title, .url, .source, .outlet, .publishedAt} AS article
ORDER BY coalesce(a.publishedAt, a.ingestedAt) DESC, a.id
LIMIT $limit
