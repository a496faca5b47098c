import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import type { GraphRepository } from '../../server/src/db/graph-repository.ts';
import type { Services } from '../../server/src/services/create-services.ts';
import type { CurationService } from '../../server/src/services/curation-service.ts';
import type { IngestService } from '../../server/src/services/ingest-service.ts';
import { freshRepository, testServices } from '../helpers/test-db.ts';
import { splitFrontMatter } from '../../server/src/pipeline/front-matter.ts';

/** A demo article's text, without its front matter. */
const demo = (name: string): string => splitFrontMatter(readFileSync(path.join(ROOT_DIR, 'data', 'articles', name), 'utf8'), name).body;
const ICE = 'agency:immigration-and-customs-enforcement';
const CBP = 'agency:customs-and-border-protection';

/** What the curation tests work with. */
interface CurationFixture {
  repo: GraphRepository;
  curation: CurationService;
  ingest: IngestService;
  services: Services;
}

/**
 * Registers the hooks of one describe block: a fresh repository with the curation and ingest
 * services, handed to `ready` once started; before each test the graph holds exactly `articles`
 * (ingested as text). The same shape as the e2e files' `useExplorer`.
 */
function useCuration(articles: string[], ready: (fixture: CurationFixture) => void): void {
  let fixture: CurationFixture | undefined;
  beforeAll(async () => {
    const repo = await freshRepository();
    const services = testServices(repo);
    fixture = { repo, curation: services.curation, ingest: services.ingest, services };
    ready(fixture);
  });
  beforeEach(async () => {
    await fixture?.repo.deleteEverything();
    for (const text of articles) await fixture?.ingest.ingest({ text });
  });
  afterAll(async () => {
    await fixture?.services.close();
    await fixture?.repo.close();
  });
}

describe('curation decisions against the real Neo4j', () => {
  let repo: GraphRepository;
  let curation: CurationService;
  let ingest: IngestService;
  useCuration(['01-ice-arrests-tajik-nationals.txt', '03-kharwin-watchlist-release.txt', '04-oig-vetting-report.txt'].map(demo), (f) => ({ repo, curation, ingest } = f));

  /** Everything observable about the graph, to compare before and after an undo. */
  async function snapshot(): Promise<unknown> {
    const counts = await repo.countGraph();
    const stats = await repo.stats();
    const entities = (await repo.getEntities([ICE, CBP])).sort((a, b) => a.id.localeCompare(b.id)).map((e) => ({ ...e, aliases: [...e.aliases].sort() }));
    const edges = (await repo.edgesAmong([ICE, CBP, 'agency:department-of-homeland-security', 'person:mohammad-kharwin', 'country:tajikistan'])).sort((a, b) => a.id.localeCompare(b.id));
    return { counts, stats, entities, edges };
  }

  it('merges one entity into another, moving edges, evidence, mentions and names', async () => {
    const before = await repo.countGraph();
    const r = await curation.merge(ICE, [CBP]);
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]?.summary).toBe('Merged “Customs and Border Protection” into “Immigration and Customs Enforcement”');
    expect(r.entity?.aliases).toEqual(expect.arrayContaining(['Customs and Border Protection', 'CBP', 'ICE']));
    expect(await repo.getEntities([CBP])).toEqual([]);
    const after = await repo.countGraph();
    expect(after.entities).toBe(before.entities - 1);
    expect(after.evidence).toBe(before.evidence);
    const hood = await repo.edgesAmong([ICE, 'person:mohammad-kharwin']);
    expect(hood.some((e) => e.type === 'RELEASED' && e.source === ICE)).toBe(true);
    expect(r.entity?.articleCount).toBe(3);
  });

  it('undoing a merge restores the graph exactly', async () => {
    const before = await snapshot();
    const r = await curation.merge(ICE, [CBP]);
    await curation.undo(r.decisions[0]?.id ?? '');
    expect(await snapshot()).toEqual(before);
  });

  it('re-ingesting after a merge does not bring the merged entity back', async () => {
    await curation.merge(ICE, [CBP]);
    await ingest.ingest({ text: 'New Note\n\nCustoms and Border Protection released a man in El Paso, Texas.' });
    expect(await repo.getEntities([CBP])).toEqual([]);
    const [ice] = await repo.getEntities([ICE]);
    expect(ice?.articleCount).toBe(4);
  });

  it('renames and re-types with undo, and ingest does not overwrite them', async () => {
    const renamed = await curation.rename(ICE, 'U.S. Immigration and Customs Enforcement');
    expect(renamed.entity).toMatchObject({ name: 'U.S. Immigration and Customs Enforcement' });
    expect(renamed.entity?.aliases).toContain('Immigration and Customs Enforcement');
    const typed = await curation.setType(ICE, 'ORGANIZATION');
    await ingest.ingest({ text: 'Another Note\n\nImmigration and Customs Enforcement detained a man in Houston.' });
    expect((await repo.getEntities([ICE]))[0]).toMatchObject({ name: 'U.S. Immigration and Customs Enforcement', type: 'ORGANIZATION' });
    await curation.undo(typed.decisions[0]?.id ?? '');
    await curation.undo(renamed.decisions[0]?.id ?? '');
    expect((await repo.getEntities([ICE]))[0]).toMatchObject({ name: 'Immigration and Customs Enforcement', type: 'AGENCY' });
    const decisions = await curation.decisions(10);
    expect(decisions.map((d) => [d.kind, d.undone, d.summary])).toEqual([
      ['setType', true, 'Changed the type of “U.S. Immigration and Customs Enforcement” from AGENCY to ORGANIZATION'],
      ['rename', true, 'Renamed “Immigration and Customs Enforcement” to “U.S. Immigration and Customs Enforcement”'],
    ]);
  });

  it('refuses bad requests with clear errors', async () => {
    await expect(curation.merge(ICE, [ICE])).rejects.toThrow(/into itself/);
    await expect(curation.merge(ICE, ['person:nobody'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(curation.rename(ICE, '   ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const r = await curation.rename(ICE, 'ICE proper');
    await curation.undo(r.decisions[0]?.id ?? '');
    await expect(curation.undo(r.decisions[0]?.id ?? '')).rejects.toThrow(/already undone/);
  });
});

describe('splitting an entity', () => {
  let repo: GraphRepository;
  let curation: CurationService;
  let ingest: IngestService;
  useCuration(
    ['Short Note\n\nDHS officials met ICE agents in Texas.', 'Long Note\n\nThe Department of Homeland Security said ICE agents were in Texas. DHS added more.'],
    (f) => ({ repo, curation, ingest } = f),
  );
  const DHS = 'agency:department-of-homeland-security';

  async function snapshot(): Promise<unknown> {
    const entities = (await repo.getEntities([DHS, ICE])).map((e) => ({ ...e, aliases: [...e.aliases].sort() }));
    const edges = (await repo.edgesAmong([DHS, ICE, 'location:texas'])).sort((a, b) => a.id.localeCompare(b.id));
    return { counts: await repo.countGraph(), entities, edges };
  }

  it('moves the names, and the evidence and articles that use only them, to a new entity', async () => {
    const r = await curation.split(DHS, ['DHS'], 'DHS (unclear)', 'AGENCY');
    expect(r.decisions[0]?.summary).toBe('Split “DHS” off “Department of Homeland Security” as “DHS (unclear)”');
    const created = r.entity;
    expect(created).toMatchObject({ id: 'agency:dhs-unclear', name: 'DHS (unclear)', aliases: ['DHS'], articleCount: 2 });
    const [dhs] = await repo.getEntities([DHS]);
    expect(dhs?.aliases).not.toContain('DHS');
    expect(dhs?.articleCount).toBe(1); // the short note used only "DHS"
    const edges = await repo.edgesAmong([created?.id ?? '', ICE]);
    expect(edges.length).toBeGreaterThan(0);
  });

  it('undoing a split restores the graph exactly', async () => {
    const before = await snapshot();
    const r = await curation.split(DHS, ['DHS'], 'DHS (unclear)', null);
    await curation.undo(r.decisions[0]?.id ?? '');
    expect(await snapshot()).toEqual(before);
    expect(await repo.getEntities(['agency:dhs-unclear'])).toEqual([]);
  });

  it('sends later articles that use only the split-off names to the new entity', async () => {
    await curation.split(DHS, ['DHS'], 'DHS (unclear)', null);
    await ingest.ingest({ text: 'Third Note\n\nDHS issued a statement about Texas.' });
    expect((await repo.getEntities(['agency:dhs-unclear']))[0]?.articleCount).toBe(3);
    expect((await repo.getEntities([DHS]))[0]?.articleCount).toBe(1);
  });

  it('refuses a name that is not an alias', async () => {
    await expect(curation.split(DHS, ['Nope'], null, null)).rejects.toThrow(/Not aliases of Department of Homeland Security: Nope/);
  });
});
