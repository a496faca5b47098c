// The nationalities each article gives people (NATIONAL_OF links and the sentences that state
// them), for find-conflicts to compare: people with more than one nationality on the graph, of
// the given ids.
// Params: $ids (person ids)
// Returns: person {id, name, type, aliases, articleCount},
//          links [{relation {id, type, weight, articleCount, stances, firstSeen, lastSeen, source, target},
//                  country {id, name, type},
//                  reports [{article {id, title, url, source, outlet, publishedAt, seenAt},
//                            evidence {id, sentence, start, end, confidence, extractorVersion, rules, stance, stanceRules}}]}]
MATCH (p:Entity)
WHERE p.id IN $ids AND p.type = 'PERSON' AND COUNT { (p)-[:RELATED {type: 'NATIONAL_OF'}]->() } > 1
MATCH (p)-[r:RELATED {type: 'NATIONAL_OF'}]->(c:Entity)
WITH p, r, c
CALL (r) {
  MATCH (v:Evidence {relationId: r.id})-[:FROM]->(a:Article)
  RETURN collect({
    article: a {.id, .title, .url, .source, .outlet, .publishedAt, seenAt: toString(coalesce(a.publishedAt, datetime(a.ingestedAt)))},
    evidence: v {.id, .sentence, .start, .end, .confidence, .extractorVersion, .stance, rules: coalesce(v.rules, []), stanceRules: coalesce(v.stanceRules, [])}
  }) AS reports
}
WITH p, collect({relation: r {.id, .type, .weight, .articleCount, .stances, .firstSeen, .lastSeen, source: p.id, target: c.id},
                 country: c {.id, .name, .type}, reports: reports}) AS links
WHERE size(links) > 1
RETURN p {.id, .name, .type, .aliases, .articleCount} AS person, links
