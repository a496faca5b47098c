import path from 'node:path';
import { openDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openAnnotator } from '../pipeline/annotate/open-annotator.ts';
import { ingestFiles } from '../services/ingest-files.ts';
import { createServices } from '../services/create-services.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run ingest -- PATH... (files or folders of .txt/.md articles; the first line is the title)';

/** `npm run ingest -- PATH...`: stores articles; exits 1 if any was refused. */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.error(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  const log = (line: string): void => console.error(line);
  // Neo4j and CoreNLP start side by side.
  const [dbResult, nlpResult] = await Promise.allSettled([openDatabase(config, log), openAnnotator(config, log)]);
  if (dbResult.status === 'rejected' || nlpResult.status === 'rejected') {
    // Whichever did start is stopped before the error is reported.
    if (dbResult.status === 'fulfilled') await Promise.all([dbResult.value.repo.close(), dbResult.value.local?.stop()]);
    if (nlpResult.status === 'fulfilled') await nlpResult.value.close();
    throw dbResult.status === 'rejected' ? dbResult.reason : (nlpResult as PromiseRejectedResult).reason;
  }
  const db = dbResult.value;
  const nlp = nlpResult.value;
  // The same services as the server: curation (merges) applies to what the CLI brings in.
  const services = createServices(db.repo, config, nlp.annotator);
  try {
    const results = await ingestFiles(services.ingest, argv, config.MAX_ARTICLE_BYTES, (done, total, r) => {
      const name = path.relative(process.cwd(), r.file) || r.file;
      if (r.ok) {
        const what = r.outcome.created ? 'stored' : r.outcome.reprocessed ? 're-processed (newer extractor)' : 'unchanged (already ingested)';
        console.log(`[${done}/${total}] ${name}: ${what} · ${r.outcome.entityCount} entities · ${r.outcome.relationCount} relations · ${r.outcome.article.id}`);
      } else {
        console.error(`[${done}/${total}] error: ${r.error}`);
      }
    });
    if (results.length === 0) {
      console.error(`No .txt or .md articles found in: ${argv.join(', ')}`);
      return 1;
    }
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} ingested, ${failed} refused.`);
    return failed > 0 ? 1 : 0;
  } finally {
    await services.close();
    await db.repo.close();
    await Promise.all([db.local?.stop(), nlp.close()]);
  }
}

runCli(main);
