import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { testCorenlpUrl } from '../helpers/annotate.ts';

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/extract.ts'), ...args], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    timeout: 60_000,
    // The test run's CoreNLP (the CLI would otherwise start its own: server-lifecycle tests that).
    env: { ...process.env, CORENLP_URL: testCorenlpUrl() },
  });
const demo = (f: string): string => path.join(ROOT_DIR, 'data', 'articles', f);

// Each test starts Node processes that load the gazetteer: seconds each on a busy CI machine.
describe('npm run extract (no database)', { timeout: 60_000 }, () => {
  it('prints one JSON object in the scorer format for one file', () => {
    const r = cli(['--json', demo('03-kharwin-watchlist-release.txt')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { entities: Array<{ name: string; type: string }>; relations: unknown[]; events: Array<{ type: string }> };
    expect(out.entities).toContainEqual(expect.objectContaining({ name: 'Mohammad Kharwin', type: 'Person' }));
    expect(out.events.map((e) => e.type)).toContain('Release');
  });

  it('prints JSON Lines, each with its file, for several files', () => {
    const files = [demo('01-ice-arrests-tajik-nationals.txt'), demo('02-uzbek-man-arrested-baltimore.txt')];
    const lines = cli(['--json', ...files]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual(files);
  });

  it('prints a readable summary without --json, and exits 1 naming a bad file', () => {
    const ok = cli([demo('04-oig-vetting-report.txt')]);
    expect(ok.stdout).toMatch(/Agency\s+DHS Office of Inspector General/);
    expect(ok.stdout).toMatch(/event Request: House Homeland Security Committee/);
    const bad = cli([path.join(ROOT_DIR, 'tests/fixtures/ingest-folder/binary.txt')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/binary\.txt.*(binary|UTF-8)/);
  });
});
