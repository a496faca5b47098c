/** The stored and unchanged counts of an ingest CLI run's closing line. */
export function ingestSummary(stdout: string): { stored: number; unchanged: number } {
  const m = /Done in [\d.]+ s: (\d+) stored, (\d+) unchanged/.exec(stdout);
  return { stored: Number(m?.[1]), unchanged: Number(m?.[2]) };
}

/** The integrity counts that must be 0 after any interrupted run (no half-written article). */
export const NOTHING_HALF_WRITTEN = { evidenceWithoutArticle: 0, evidenceWithoutRelation: 0, relationsWithWrongWeight: 0, entitiesWithWrongCount: 0, entitiesWithoutMentions: 0, articlesWithoutText: 0 };
