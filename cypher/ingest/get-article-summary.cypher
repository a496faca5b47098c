// An article's stored fields and how much of the graph it supports: lets a known text be
// answered before extraction runs.
// Params: $id (article id)
// Returns: article {id, title, url, source, outlet, publishedAt}, extractorVersion, entityCount, relationCount
MATCH (a:Article {id: $id})
RETURN a {.id, .title, .url, .source, .outlet, .publishedAt} AS article,
       a.extractorVersion AS extractorVersion,
       COUNT { (a)-[:MENTIONS]->(:Entity) } AS entityCount,
       size(COLLECT { MATCH (v:Evidence)-[:FROM]->(a) RETURN DISTINCT v.relationId }) AS relationCount
