// Points the given articles' mentions of one entity at another (for a split), keeping the old
// mention where the article still names the original. An event's mention keeps what the report
// said of it (type, date, count, its id before resolution).
// Params: $fromId, $toId, $moves [{articleId, count, keepOld}]
// Returns: moved (count)
UNWIND $moves AS mv
MATCH (x:Article {id: mv.articleId})-[m:MENTIONS]->(:Entity {id: $fromId})
MATCH (n:Entity {id: $toId})
MERGE (x)-[m2:MENTIONS]->(n)
SET m2.count = mv.count, m2.eventType = m.eventType, m2.eventDate = m.eventDate, m2.eventCount = m.eventCount, m2.reportId = m.reportId
FOREACH (_ IN CASE WHEN mv.keepOld THEN [] ELSE [1] END | DELETE m)
RETURN count(*) AS moved
