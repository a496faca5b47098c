// Merges each article's relations by id between existing entities and records each evidence
// sentence as an Evidence node linked to its article; weights are counted after all of it.
// A relation's weight is the number of independent sources behind it: the distinct outlet keys of
// its articles (`outlets`: two articles of one outlet are one source) plus its articles with no
// outlet known (`unsourced`, each a source of its own); `articleCount` is its distinct articles. An article not stored before gets its evidence created (ids unique per
// article: the caller sends each relation once and each evidence start once) and adds itself to
// each relation's counts; a re-processed one merges its evidence, marks it with its writeId
// (detach-stale removes the rest after) and recounts its relations, as does a new article on a
// relation stored before outlets were counted.
// Params: $items [{articleId, created (true when the article was not stored before), extractorVersion, writeId, outletKey (null: none known),
//                  relations: [{id, source, target, type, role, stanceCounts,
//                               evidence: [{sentence, start, end, confidence, rules, stance, stanceRules, attributedTo}]}]}]
//         (rules: ids of the extraction rules that drew the link from the sentence)
//         (stance: how the sentence presents the link; stanceRules: the stance rules that read it;
//          attributedTo: id of the entity it is attributed to, or null)
//         (stanceCounts: the relation's evidence in this article per stance, in $stanceOrder)
//         $stanceOrder (the stances, in the order of a relation's `stances` counts)
//         (role: the participant's role, for PARTICIPATED_IN; else null)
// Returns: relations (count of relation rows written)
UNWIND $items AS item
MATCH (a:Article {id: item.articleId})
// Seen when the article was published, else when it was first ingested (what refresh-relations recomputes).
WITH a, item, coalesce(a.publishedAt, datetime(a.ingestedAt)) AS seenAt
UNWIND item.relations AS r
MATCH (s:Entity {id: r.source})
MATCH (t:Entity {id: r.target})
MERGE (s)-[rel:RELATED {id: r.id}]->(t)
  ON CREATE SET rel.type = r.type, rel.role = r.role, rel.firstSeen = seenAt, rel.lastSeen = seenAt, rel.weight = 0, rel.articleCount = 0, rel.outlets = [], rel.unsourced = 0,
                rel.stances = [s IN $stanceOrder | 0]
WITH a, rel, r, item, seenAt
// Dates are written only when they widen the span (most articles fall inside it).
CALL (rel, seenAt) {
  WITH rel, seenAt WHERE seenAt < rel.firstSeen
  SET rel.firstSeen = seenAt
}
CALL (rel, seenAt) {
  WITH rel, seenAt WHERE seenAt > rel.lastSeen
  SET rel.lastSeen = seenAt
}
CALL (a, r, item) {
  WITH a, r, item WHERE item.created
  UNWIND r.evidence AS ev
  CREATE (v:Evidence {id: a.id + ':' + r.id + ':' + toString(ev.start)})-[:FROM]->(a)
  SET v.relationId = r.id, v.sentence = ev.sentence, v.start = ev.start, v.end = ev.end,
      v.confidence = ev.confidence, v.rules = ev.rules, v.extractorVersion = item.extractorVersion,
      v.stance = ev.stance, v.stanceRules = ev.stanceRules, v.attributedTo = ev.attributedTo
}
CALL (a, r, item) {
  WITH a, r, item WHERE NOT item.created
  UNWIND r.evidence AS ev
  MERGE (v:Evidence {id: a.id + ':' + r.id + ':' + toString(ev.start)})
  // Re-processing finds the old extraction's evidence still there (it is deleted after, unless
  // written again here): it becomes exactly what a new node would be.
  SET v.relationId = r.id, v.sentence = ev.sentence, v.start = ev.start, v.end = ev.end,
      v.confidence = ev.confidence, v.rules = ev.rules, v.extractorVersion = item.extractorVersion, v.writeId = item.writeId,
      v.stance = ev.stance, v.stanceRules = ev.stanceRules, v.attributedTo = ev.attributedTo
  REMOVE v.movedFrom, v.decision
  MERGE (v)-[:FROM]->(a)
}
// A new article is one more supporting article for each of its relations (no recount over a
// hub's evidence); a re-processed one was counted before, so its relations are recounted.
CALL (rel, r, item) {
  WITH rel, r, item WHERE item.created AND rel.outlets IS NOT NULL
  SET rel.articleCount = rel.articleCount + 1,
      rel.stances = [i IN range(0, size($stanceOrder) - 1) | coalesce(rel.stances[i], 0) + r.stanceCounts[i]],
      rel.unsourced = rel.unsourced + CASE WHEN item.outletKey IS NULL THEN 1 ELSE 0 END,
      // One more source unless its outlet is one the relation has already.
      rel.weight = rel.weight + CASE WHEN item.outletKey IN rel.outlets THEN 0 ELSE 1 END
  // (The outlets list is rewritten only when an outlet is new to the relation.)
  WITH rel, item
  WHERE item.outletKey IS NOT NULL AND NOT item.outletKey IN rel.outlets
  SET rel.outlets = rel.outlets + item.outletKey
}
CALL (rel, r, item) {
  WITH rel, r WHERE NOT item.created OR rel.outlets IS NULL
  CALL (r) {
    MATCH (v:Evidence {relationId: r.id})-[:FROM]->(x:Article)
    RETURN count(DISTINCT x) AS articles, collect(DISTINCT x.outletKey) AS outlets,
           count(DISTINCT CASE WHEN x.outletKey IS NULL THEN x END) AS unsourced, collect(v.stance) AS stances
  }
  SET rel.articleCount = articles, rel.outlets = outlets, rel.unsourced = unsourced, rel.weight = size(outlets) + unsourced,
      rel.stances = [s IN $stanceOrder | size([x IN stances WHERE x = s])]
}
RETURN count(rel) AS relations
