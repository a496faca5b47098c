// The extractor version an article was processed with, if it is stored.
// Params: $id (article id)
// Returns: extractorVersion (string)
MATCH (a:Article {id: $id})
RETURN a.extractorVersion AS extractorVersion
