import path from 'node:path';
import { loadConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { openAnnotator } from '../pipeline/annotate/open-annotator.ts';
import { extract } from '../pipeline/extract/extract.ts';
import { toEvalJson } from '../pipeline/extract/to-eval-json.ts';
import { prepareArticle } from '../pipeline/prepare-article.ts';
import { readArticleFile } from '../pipeline/read-article-file.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run extract -- [--json] FILE...   (prints what would be extracted; touches no database)';

/** `npm run extract -- [--json] FILE...` */
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { MAX_ARTICLE_BYTES } = config;
  // Progress goes to stderr: stdout is the extraction (JSON for --json).
  const nlp = await openAnnotator(config, (line) => console.error(line));
  let failed = 0;
  try {
    for (const file of files) {
      try {
        const article = prepareArticle(await readArticleFile(file, MAX_ARTICLE_BYTES), { maxBytes: MAX_ARTICLE_BYTES });
        const extraction = extract(article, await nlp.annotator.annotate(article.text));
        // The scorer's shape, with why each event was read and from which sentence (the scorer ignores them).
        const out = { ...toEvalJson(extraction), events: toEvalJson(extraction).events.map((e, k) => ({ ...e, rules: extraction.events[k]?.evidence.rules ?? [], sentence: extraction.events[k]?.evidence.sentence ?? '' })) };
        if (json) {
          console.log(files.length === 1 ? JSON.stringify(out, null, 2) : JSON.stringify({ file, ...out }));
        } else {
          console.log(`${path.basename(file)} — ${article.title}`);
          for (const e of out.entities) console.log(`  ${e.type.padEnd(12)} ${e.name}${e.aliases.length ? `  (${e.aliases.join(', ')})` : ''}`);
          const typed = out.relations.filter((r) => r.type !== 'MENTIONED_WITH');
          for (const r of typed) console.log(`  ${r.source} -${r.type}-> ${r.target}`);
          for (const e of out.events) {
            const extra = [e.count !== undefined ? `count ${e.count}` : '', e.date ?? ''].filter(Boolean).join(', ');
            console.log(`  event ${e.type}: ${e.participants.join(', ')}${extra ? ` (${extra})` : ''}  [${e.rules.join(', ')}]`);
          }
          console.log(`  ${out.entities.length} entities, ${typed.length} typed relations, ${out.relations.length - typed.length} co-mentions, ${out.events.length} events\n`);
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failed++;
        console.error(`error: ${err.message}`);
      }
    }
  } finally {
    await nlp.close();
  }
  return failed > 0 ? 1 : 0;
}

runCli(main);
