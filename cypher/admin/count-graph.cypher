// Node and relationship counts by kind, to check what a write changed.
// Params: none
// Returns: articles, entities, relations, evidence, mentions (integers)
RETURN COUNT { (:Article) } AS articles,
       COUNT { (:Entity) } AS entities,
       COUNT { ()-[:RELATED]->() } AS relations,
       COUNT { (:Evidence) } AS evidence,
       COUNT { (:Article)-[:MENTIONS]->(:Entity) } AS mentions
