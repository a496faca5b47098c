// For a split: the entity's edges with each evidence sentence, and the articles mentioning it
// with their text, so the service can tell which belong to the split-off names.
// Params: $id
// Returns: edges (list of {id, type, source, target, firstSeen, lastSeen, role, evidence: [{id, sentence}]}),
//          articles (list of {id, text, count, reportId (an event's: the id the article's report had before it was resolved)})
MATCH (e:Entity {id: $id})
CALL (e) {
  OPTIONAL MATCH (s:Entity)-[r:RELATED]->(t:Entity) WHERE s = e OR t = e
  WITH r, s, t
  OPTIONAL MATCH (v:Evidence {relationId: r.id})
  WITH r, s, t, collect(CASE WHEN v IS NULL THEN NULL ELSE {id: v.id, sentence: v.sentence} END) AS evidence
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE r {.id, .type, .firstSeen, .lastSeen, .role, source: s.id, target: t.id, evidence: evidence} END) AS edges
}
CALL (e) {
  OPTIONAL MATCH (x:Article)-[m:MENTIONS]->(e)
  RETURN collect(CASE WHEN x IS NULL THEN NULL ELSE {id: x.id, text: x.text, count: m.count, reportId: m.reportId} END) AS articles
}
RETURN edges, articles
