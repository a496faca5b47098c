// Merges each article's entities by id, unions their aliases, links the article to each with
// MENTIONS, and refreshes each entity's article count (after all the batch's mentions exist).
// Params: $items [{articleId, writeId (marks what this write made or kept),
//                  entities: [{id, name, type, aliases, mentionCount, eventType, count, date}]}]
//         (eventType, count and date are null except for events)
// Returns: entities (count of mentions written)
UNWIND $items AS item
MATCH (a:Article {id: item.articleId})
UNWIND item.entities AS e
MERGE (n:Entity {id: e.id})
  ON CREATE SET n.name = e.name, n.type = e.type, n.aliases = []
WITH a, n, e, item
SET n.aliases = reduce(acc = n.aliases, x IN e.aliases | CASE WHEN x IN acc OR x = n.name THEN acc ELSE acc + x END)
SET n.aliasText = reduce(s = '', x IN n.aliases | s + x + ' ; ')
FOREACH (_ IN CASE WHEN e.eventType IS NULL THEN [] ELSE [1] END |
  SET n.eventType = e.eventType, n.count = e.count, n.date = e.date)
MERGE (a)-[m:MENTIONS]->(n)
SET m.count = e.mentionCount, m.writeId = item.writeId
WITH n
// Only articles mention: the degree (kept by Neo4j, no expansion of a hub's mentions) is the count.
SET n.articleCount = COUNT { (n)<-[:MENTIONS]-() }
RETURN count(n) AS entities
