// Which of the given URLs an article is already stored under (a feed's items seen before).
// Params: $urls (list of strings)
// Returns: url
UNWIND $urls AS url
MATCH (a:Article {url: url})
RETURN DISTINCT url
