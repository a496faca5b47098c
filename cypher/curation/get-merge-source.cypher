// Everything a merge moves from one entity: its properties, its edges, and the articles that
// mention it (and whether they also mention the target), so the merge can be undone exactly.
// Params: $fromId, $intoId
// Returns: entity (map of the source's properties), edges (list of {id, type, source, target, firstSeen, lastSeen, role}),
//          mentions (list of {articleId, count, alsoInto}), intoAliases (the target's aliases before the merge)
MATCH (b:Entity {id: $fromId}), (a:Entity {id: $intoId})
CALL (b) {
  OPTIONAL MATCH (s:Entity)-[r:RELATED]->(t:Entity) WHERE s = b OR t = b
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE r {.id, .type, .firstSeen, .lastSeen, .role, source: s.id, target: t.id} END) AS edges
}
CALL (a, b) {
  OPTIONAL MATCH (x:Article)-[m:MENTIONS]->(b)
  RETURN collect(CASE WHEN x IS NULL THEN NULL ELSE {articleId: x.id, count: m.count, alsoInto: EXISTS { (x)-[:MENTIONS]->(a) }} END) AS mentions
}
RETURN properties(b) AS entity, edges, mentions, a.aliases AS intoAliases
