import { afterEach, describe, expect, it } from 'vitest';
import { ensureLauncherBuilt } from '../../../server/src/db/local-neo4j.ts';

describe('local Neo4j launcher', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says what to install, or to set NEO4J_URI, when java is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => ensureLauncherBuilt()).toThrow(/Java was not found.*JDK 17\+ and Maven.*NEO4J_URI/s);
  });
});
