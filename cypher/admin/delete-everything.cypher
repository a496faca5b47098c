// Deletes every node and relationship, in batches. For tests and explicit resets only.
// Params: none
// Returns: nothing
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
