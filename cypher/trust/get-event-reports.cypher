// What each article reported of events: the date, count and places it gave, and the first
// sentences in which it tells the event (find-conflicts compares them): events told by more than
// one article (the only ones reports can disagree on), of the given ids.
// Params: $ids (event ids)
// Returns: event {id, name, type, aliases, articleCount, date, eventType, count},
//          reports [{article {id, title, url, source, outlet, publishedAt, seenAt}, date, count,
//                    places [{id, name, type}],
//                    evidence [{id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules}]
//                    (at most three, one per sentence)}]
MATCH (e:Entity)
WHERE e.type = 'EVENT' AND e.id IN $ids AND e.articleCount > 1
CALL (e) {
  MATCH (a:Article)-[m:MENTIONS]->(e)
  WITH e, a, m,
       [(e)<-[r:RELATED {type: 'PARTICIPATED_IN'}]-(p:Entity) | {id: r.id, role: r.role, place: p {.id, .name, .type}}] AS links
  // Its first three sentences on the event (one evidence item each: its links share sentences).
  CALL (a, links) {
    MATCH (v:Evidence)-[:FROM]->(a) WHERE v.relationId IN [l IN links | l.id]
    WITH v.start AS start, head(collect(v)) AS v
    ORDER BY start LIMIT 3
    RETURN collect(v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, [])}) AS evidence
  }
  RETURN collect({
    article: a {.id, .title, .url, .source, .outlet, .publishedAt, seenAt: toString(coalesce(a.publishedAt, datetime(a.ingestedAt)))},
    date: m.eventDate, count: m.eventCount,
    places: [l IN links WHERE l.role = 'place' AND EXISTS { MATCH (:Evidence {relationId: l.id})-[:FROM]->(a) } | l.place],
    evidence: evidence
  }) AS reports
}
RETURN e {.id, .name, .type, .aliases, .articleCount, .date, .eventType, .count} AS event, reports
