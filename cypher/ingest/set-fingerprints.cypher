// Stores the MinHash fingerprints of articles stored before near-duplicate detection.
// Params: $rows [{id, signature (list of integers), bands (band keys separated by spaces)}]
// Returns: id
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.minhash = row.signature, a.minhashBands = row.bands
RETURN a.id AS id
