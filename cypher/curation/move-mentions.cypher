// Moves article mentions from one entity to another, adding counts where both were mentioned.
// Params: $fromId, $intoId
// Returns: moved (count)
MATCH (x:Article)-[m:MENTIONS]->(:Entity {id: $fromId})
MATCH (a:Entity {id: $intoId})
MERGE (x)-[m2:MENTIONS]->(a)
  ON CREATE SET m2.count = 0
SET m2.count = m2.count + coalesce(m.count, 1)
DELETE m
RETURN count(*) AS moved
