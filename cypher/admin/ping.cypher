// The cheapest round trip to the database, for the health check.
// Params: none
// Returns: ok (1)
RETURN 1 AS ok
