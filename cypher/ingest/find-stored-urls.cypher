// Which of the given URLs an article is already stored under (a feed's items seen before):
// its address, or the link that redirected to it.
// Params: $urls (list of strings)
// Returns: url
UNWIND $urls AS url
CALL (url) {
  MATCH (a:Article {url: url}) RETURN a
  UNION
  MATCH (a:Article {linkUrl: url}) RETURN a
}
RETURN DISTINCT url
