// The extractor version each stored article was processed with (null for one not yet written).
// Params: $ids (list of article ids)
// Returns: id, extractorVersion (string or null)
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.extractorVersion AS extractorVersion
