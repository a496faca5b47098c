import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR } from '../../server/src/config.ts';

// No Docker engine runs on our machines, so the compose file is checked by reading it.
const compose = parse(readFileSync(path.join(ROOT_DIR, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  const neo4j = compose.services.neo4j ?? {};
  const app = compose.services.app ?? {};

  it('runs Neo4j 5.26 Community with a healthcheck, a named volume and auth from the environment', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck).toMatchObject({ test: expect.arrayContaining([expect.stringContaining('RETURN 1')]) });
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect((neo4j.environment as Record<string, string>).NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(neo4j.ports).toEqual(expect.arrayContaining([expect.stringMatching(/7687:7687$/)]));
  });

  it('builds CoreNLP from the same Maven coordinates as the local one, listening on the container network, with a healthcheck', () => {
    const corenlp = compose.services.corenlp ?? {};
    expect(corenlp.build).toBe('./corenlp');
    expect(corenlp.healthcheck).toMatchObject({ test: expect.arrayContaining([expect.stringContaining('/live')]) });
    const dockerfile = readFileSync(path.join(ROOT_DIR, 'corenlp', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/COPY pom\.xml/);
    expect(dockerfile).toMatch(/--host 0\.0\.0\.0/);
    expect(readFileSync(path.join(ROOT_DIR, 'corenlp', 'pom.xml'), 'utf8')).toMatch(/<corenlp\.version>4\.5\.10<\/corenlp\.version>/);
  });

  it('builds the app from the Dockerfile and starts it once Neo4j is healthy', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, corenlp: { condition: 'service_healthy' } });
    expect(app.ports).toContain('4000:4000');
    const env = app.environment as Record<string, string>;
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(env.NEO4J_PASSWORD).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.CORENLP_URL).toBe('http://corenlp:9000');
    expect(readFileSync(path.join(ROOT_DIR, 'Dockerfile'), 'utf8')).toMatch(/^FROM node:20/m);
  });
});
