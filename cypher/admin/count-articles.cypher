// How many articles the graph holds (startup uses it to decide on the demo corpus).
// Params: none
// Returns: articles (integer)
MATCH (a:Article)
RETURN count(a) AS articles
