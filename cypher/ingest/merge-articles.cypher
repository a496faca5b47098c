// Creates or updates article nodes.
// Params: $articles [{id, title, text, url, linkUrl (the address that redirected to url; optional), source, publishedAt (ISO string or null; stored as a datetime), extractorVersion,
//   outlet (the publishing outlet's name or null), outletKey (what independence is counted by: "outlet:<name>"; null when no outlet is known),
//   fingerprint {signature (MinHash, list of integers), bands (LSH band keys)} (optional)}]
// Returns: id
UNWIND $articles AS article
MERGE (a:Article {id: article.id})
SET a.title = article.title,
    a.text = article.text,
    a.url = article.url,
    a.linkUrl = coalesce(article.linkUrl, a.linkUrl),
    a.source = article.source,
    a.outlet = article.outlet,
    a.outletKey = article.outletKey,
    a.publishedAt = datetime(article.publishedAt),
    a.extractorVersion = article.extractorVersion,
    a.minhash = coalesce(article.fingerprint.signature, a.minhash),
    a.minhashBands = coalesce(reduce(s = null, b IN article.fingerprint.bands | coalesce(s + ' ', '') + b), a.minhashBands),
    a.ingestedAt = coalesce(a.ingestedAt, toString(datetime()))
RETURN a.id AS id
