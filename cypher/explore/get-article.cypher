// One article with its text and the entities it mentions (most mentioned first).
// Params: $id
// Returns: article {id, title, url, source, outlet, publishedAt, text}, entities (list of {id, name, type, aliases, articleCount})
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
WITH a, e, m ORDER BY m.count DESC, e.name
RETURN a {.id, .title, .url, .source, .outlet, .publishedAt, .text} AS article,
       [x IN collect(e) WHERE x IS NOT NULL | x {.id, .name, .type, .aliases, .articleCount}] AS entities
