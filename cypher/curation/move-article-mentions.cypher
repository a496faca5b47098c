// Points the given articles' mentions of one entity at another (for a split), keeping the old
// mention where the article still names the original.
// Params: $fromId, $toId, $moves [{articleId, count, keepOld}]
// Returns: moved (count)
UNWIND $moves AS mv
MATCH (x:Article {id: mv.articleId})-[m:MENTIONS]->(:Entity {id: $fromId})
MATCH (n:Entity {id: $toId})
MERGE (x)-[m2:MENTIONS]->(n)
SET m2.count = mv.count
FOREACH (_ IN CASE WHEN mv.keepOld THEN [] ELSE [1] END | DELETE m)
RETURN count(*) AS moved
