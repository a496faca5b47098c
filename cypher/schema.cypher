// Schema: uniqueness constraints and indexes. Applied at every startup; each statement is
// idempotent (IF NOT EXISTS). Statements are separated by semicolons at line ends.
// Params: none. Returns: nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT related_id IF NOT EXISTS FOR ()-[r:RELATED]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url);
CREATE INDEX article_link_url IF NOT EXISTS FOR (a:Article) ON (a.linkUrl);
CREATE INDEX evidence_relation IF NOT EXISTS FOR (v:Evidence) ON (v.relationId);
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
CREATE INDEX decision_other IF NOT EXISTS FOR (d:Decision) ON (d.otherId);
CREATE INDEX evidence_decision IF NOT EXISTS FOR (v:Evidence) ON (v.decision);
CREATE CONSTRAINT view_name IF NOT EXISTS FOR (v:View) REQUIRE v.name IS UNIQUE;
CREATE CONSTRAINT watch_name IF NOT EXISTS FOR (w:Watch) REQUIRE w.name IS UNIQUE;
CREATE INDEX article_ingested IF NOT EXISTS FOR (a:Article) ON (a.ingestedAt);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX article_minhash IF NOT EXISTS FOR (a:Article) ON EACH [a.minhashBands]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
