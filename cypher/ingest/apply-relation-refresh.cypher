// Sets what plan-article-removal computed: each relation's weight, stance counts and firstSeen/lastSeen, and
// deletes those nothing supports any more. Found by element id, a direct seek: an index seek
// would slow down with every relationship this transaction has already deleted.
// Params: $relations (list of {elementId, weight, outlets, unsourced, articleCount, stances, firstSeen, lastSeen})
// Returns: deleted (count of relations removed)
UNWIND $relations AS row
MATCH ()-[r:RELATED]->()
WHERE elementId(r) = row.elementId
SET r.weight = row.weight,
    r.outlets = row.outlets,
    r.unsourced = row.unsourced,
    r.articleCount = row.articleCount,
    r.stances = row.stances,
    r.firstSeen = coalesce(row.firstSeen, r.firstSeen),
    r.lastSeen = coalesce(row.lastSeen, r.lastSeen)
WITH r
WHERE r.weight = 0
DELETE r
RETURN count(*) AS deleted
