// What reports could disagree about, for contradictions() to read: events told by more than one
// article, relations with a denying sentence, and people with more than one nationality.
// Params: $stanceOrder (the stances, in the order of a relation's `stances` counts)
// Returns: events, relations, people (lists of ids)
WITH [i IN range(0, size($stanceOrder) - 1) WHERE $stanceOrder[i] = 'DENIED'][0] AS denied
CALL () {
  MATCH (e:Entity {type: 'EVENT'}) WHERE e.articleCount > 1
  RETURN collect(e.id) AS events
}
CALL (denied) {
  MATCH ()-[r:RELATED]->() WHERE r.stances[denied] > 0
  RETURN collect(r.id) AS relations
}
CALL () {
  MATCH (p:Entity {type: 'PERSON'}) WHERE COUNT { (p)-[:RELATED {type: 'NATIONAL_OF'}]->() } > 1
  RETURN collect(p.id) AS people
}
RETURN events, relations, people
