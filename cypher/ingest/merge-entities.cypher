// Merges each article's entities by id, unions their aliases, links the article to each with
// MENTIONS, and refreshes each entity's article count (once per entity, after all the batch's
// mentions exist). An article not stored before gets its mentions created (each entity once per
// article: the caller sends unique ids); a re-processed one merges them and marks them with
// its writeId, so that detach-stale can tell the old extraction's from this one's.
// Params: $items [{articleId, created (true when the article was not stored before), writeId,
//                  entities: [{id, name, type, aliases, mentionCount, eventType, count, date}]}]
//         (eventType, count and date are null except for events)
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
  SET n.eventType = e.eventType, n.count = e.count, n.date = e.date)
WITH a, n, e, item
CALL (a, n, e, item) {
  WITH a, n, e, item WHERE item.created
  CREATE (a)-[:MENTIONS {count: e.mentionCount}]->(n)
}
CALL (a, n, e, item) {
  WITH a, n, e, item WHERE NOT item.created
  MERGE (a)-[m:MENTIONS]->(n)
  SET m.count = e.mentionCount, m.writeId = item.writeId
}
WITH DISTINCT n
// Only articles mention: the degree (kept by Neo4j, no expansion of a hub's mentions) is the count.
SET n.articleCount = COUNT { (n)<-[:MENTIONS]-() }
RETURN count(n) AS entities
