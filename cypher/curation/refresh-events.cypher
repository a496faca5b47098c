// After reports move between events (a split, its undo): each event's article count, and its
// date and count from its reports (the first, by article id, that gives one), as ingest keeps them.
// Params: $ids (event ids), $eventType (set on an event that has none yet, e.g. one just created; or null)
// Returns: events (count refreshed)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.eventType = coalesce(n.eventType, $eventType),
    n.articleCount = COUNT { (n)<-[:MENTIONS]-() }
WITH n
CALL (n) {
  MATCH (a:Article)-[m:MENTIONS]->(n)
  WITH m ORDER BY a.id
  WITH collect(m) AS reports
  RETURN head([m IN reports WHERE m.eventDate IS NOT NULL | m.eventDate]) AS date,
         head([m IN reports WHERE m.eventCount IS NOT NULL | m.eventCount]) AS count,
         // Mentions written before reports kept their own values say nothing: the event keeps its own.
         any(m IN reports WHERE m.eventType IS NOT NULL) AS known
}
SET n.date = CASE WHEN known THEN date ELSE n.date END,
    n.count = CASE WHEN known THEN count ELSE n.count END
RETURN count(n) AS events
