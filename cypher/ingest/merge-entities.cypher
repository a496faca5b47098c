// Merges each article's entities by id, unions their aliases, links the article to each with
// MENTIONS, and refreshes each entity's article count (once per entity, after all the batch's
// mentions exist). An article not stored before gets its mentions created (each entity once per
// article: the caller sends unique ids); a re-processed one merges them and marks them with
// its writeId, so that detach-stale can tell the old extraction's from this one's.
// An event may be told by several articles (resolve-events): each article's MENTIONS of it keeps
// what that report said (eventType, eventDate, eventCount, reportId: its id unresolved), and the
// event's own date and count are the first report's (article id order) that gives one; its type
// is the first report's, and resolvedBy gathers the event-match rules that joined reports to it.
// Params: $items [{articleId, created (true when the article was not stored before), writeId,
//                  entities: [{id, name, type, aliases, mentionCount, eventType, count, date, reportId, resolvedBy}]}]
//         (eventType, count and date are null except for events; reportId and resolvedBy null
//          except for a report resolved to an event told elsewhere)
// Returns: entities (count of entities written)
UNWIND $items AS item
MATCH (a:Article {id: item.articleId})
UNWIND item.entities AS e
MERGE (n:Entity {id: e.id})
  ON CREATE SET n.name = e.name, n.type = e.type, n.aliases = [], n.aliasText = ''
WITH a, n, e, item
// Aliases are written only when one is new: most mentions of a known entity add none.
// Read inside the call, row by row, so two articles adding one name in a batch add it once.
CALL (n, e) {
  WITH n, e WHERE any(x IN e.aliases WHERE NOT x IN n.aliases AND x <> n.name)
  SET n.aliases = reduce(acc = n.aliases, x IN e.aliases | CASE WHEN x IN acc OR x = n.name THEN acc ELSE acc + x END)
  SET n.aliasText = reduce(s = '', x IN n.aliases | s + x + ' ; ')
}
FOREACH (_ IN CASE WHEN e.eventType IS NULL THEN [] ELSE [1] END |
  SET n.eventType = coalesce(n.eventType, e.eventType))
FOREACH (_ IN CASE WHEN e.resolvedBy IS NULL OR all(x IN e.resolvedBy WHERE x IN coalesce(n.resolvedBy, [])) THEN [] ELSE [1] END |
  SET n.resolvedBy = reduce(acc = coalesce(n.resolvedBy, []), x IN e.resolvedBy | CASE WHEN x IN acc THEN acc ELSE acc + x END))
WITH a, n, e, item
CALL (a, n, e, item) {
  WITH a, n, e, item WHERE item.created
  CREATE (a)-[m:MENTIONS {count: e.mentionCount}]->(n)
  SET m.eventType = e.eventType, m.eventDate = e.date, m.eventCount = e.count, m.reportId = e.reportId
}
CALL (a, n, e, item) {
  WITH a, n, e, item WHERE NOT item.created
  MERGE (a)-[m:MENTIONS]->(n)
  SET m.count = e.mentionCount, m.writeId = item.writeId,
      m.eventType = e.eventType, m.eventDate = e.date, m.eventCount = e.count, m.reportId = e.reportId
}
WITH DISTINCT n
// Only articles mention: the degree (kept by Neo4j, no expansion of a hub's mentions) is the count.
SET n.articleCount = COUNT { (n)<-[:MENTIONS]-() }
WITH n
CALL (n) {
  WITH n WHERE n.type = 'EVENT'
  MATCH (a:Article)-[m:MENTIONS]->(n)
  WITH n, m ORDER BY a.id
  WITH n, collect(m) AS reports
  // (An event stored before reports kept their own values keeps its date and count.)
  SET n.date = coalesce(head([m IN reports WHERE m.eventDate IS NOT NULL | m.eventDate]), n.date),
      n.count = coalesce(head([m IN reports WHERE m.eventCount IS NOT NULL | m.eventCount]), n.count)
}
RETURN count(n) AS entities
