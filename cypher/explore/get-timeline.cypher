// Events involving any of the given entities, in date order (the event's own date, else its
// article's publication date), within an optional range.
// Params: $ids (entity ids), $since, $until (ISO date strings or null), $limit (integer)
// Returns: event {id, name, type, aliases, articleCount}, eventType, date, count,
//          participants (list of {id, name, type, aliases, articleCount, role}), article {id, title, url, source, outlet, publishedAt}
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:RELATED {type: 'PARTICIPATED_IN'}]->(ev:Entity {type: 'EVENT'})
WITH DISTINCT ev
MATCH (a:Article)-[:MENTIONS]->(ev)
WITH ev, a, coalesce(ev.date, toString(date(a.publishedAt)), substring(a.ingestedAt, 0, 10)) AS date
WHERE ($since IS NULL OR date >= $since) AND ($until IS NULL OR date <= $until)
CALL (ev) {
  MATCH (p:Entity)-[r:RELATED {type: 'PARTICIPATED_IN'}]->(ev)
  RETURN collect(p {.id, .name, .type, .aliases, .articleCount, role: r.role}) AS participants
}
RETURN ev {.id, .name, .type, .aliases, .articleCount} AS event, ev.eventType AS eventType, date, ev.count AS count,
       participants, a {.id, .title, .url, .source, .outlet, .publishedAt} AS article
ORDER BY date, ev.id
LIMIT $limit
