// Creates or updates an article node.
// Params: $article {id, title, text, url, source, publishedAt (ISO string or null; stored as a datetime), extractorVersion}
// Returns: id
MERGE (a:Article {id: $article.id})
SET a.title = $article.title,
    a.text = $article.text,
    a.url = $article.url,
    a.source = $article.source,
    a.publishedAt = datetime($article.publishedAt),
    a.extractorVersion = $article.extractorVersion,
    a.ingestedAt = coalesce(a.ingestedAt, toString(datetime()))
RETURN a.id AS id
