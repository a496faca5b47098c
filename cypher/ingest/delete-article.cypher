// Deletes an article node (after detach-article removed its evidence and mentions).
// Params: $articleId
// Returns: deleted (0 or 1)
MATCH (a:Article {id: $articleId})
DETACH DELETE a
RETURN count(*) AS deleted
