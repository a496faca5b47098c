// Stored events an article's events might be reports of: those of the given types that share a
// participant with one of them (resolve-events compares them by its rules), with every fact the
// rules read: the types their reports told them as, participants, the earliest publication of a
// report, the reporting articles, and active curated splits (keep-apart decisions).
// Params: $participantIds (ids of the batch events' participants), $eventTypes, $limit
// Returns: id, eventType, toldAs, date, count, participants [{id, type, role}], reportedBy (ISO date or null),
//          articleIds, splits (payload JSON of each active split of the event)
MATCH (p:Entity) WHERE p.id IN $participantIds
MATCH (p)-[:RELATED {type: 'PARTICIPATED_IN'}]->(ev:Entity {type: 'EVENT'})
WHERE ev.eventType IN $eventTypes
WITH DISTINCT ev
LIMIT $limit
CALL (ev) {
  MATCH (a:Article)-[m:MENTIONS]->(ev)
  RETURN collect(DISTINCT a.id) AS articleIds, collect(DISTINCT m.eventType) AS toldAs,
         min(coalesce(a.publishedAt, datetime(a.ingestedAt))) AS reportedAt
}
RETURN ev.id AS id, ev.eventType AS eventType, toldAs, ev.date AS date, ev.count AS count,
       [(q:Entity)-[x:RELATED {type: 'PARTICIPATED_IN'}]->(ev) | {id: q.id, type: q.type, role: x.role}] AS participants,
       CASE WHEN reportedAt IS NULL THEN null ELSE toString(date(reportedAt)) END AS reportedBy,
       articleIds,
       COLLECT { MATCH (d:Decision {kind: 'split', undone: false}) WHERE d.entityId = ev.id RETURN d.payload } AS splits
