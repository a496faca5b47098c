// Articles, newest ingested first, after a cursor (the ingestedAt|id of the last one seen).
// Params: $after (cursor string or ''), $first (integer)
// Returns: article {id, title, url, source, outlet, publishedAt, ingestedAt}, cursor
MATCH (a:Article)
WITH a, a.ingestedAt + '|' + a.id AS cursor
WHERE $after = '' OR cursor < $after
RETURN a {.id, .title, .url, .source, .outlet, .publishedAt, .ingestedAt} AS article, cursor
ORDER BY cursor DESC
LIMIT $first
