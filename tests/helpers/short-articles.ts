import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const AGENCIES = ['Immigration and Customs Enforcement', 'the FBI', 'Customs and Border Protection', 'the Department of Homeland Security'];
const NATIONALS = ['Tajik', 'Uzbek', 'Afghan', 'Kyrgyz'];
const CITIES = ['Baltimore', 'Philadelphia', 'Los Angeles', 'New York', 'Houston', 'Denver'];
const COUNTS = ['two', 'three', 'four', 'five'];

/**
 * `n` short, distinct articles written for the tests (a few sentences each, so CoreNLP reads them
 * quickly): agencies arresting nationals in cities, each with its own number so no two share a text.
 */
export function shortArticles(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length] as string;
    const nationals = NATIONALS[(i >> 2) % NATIONALS.length] as string;
    const city = CITIES[i % CITIES.length] as string;
    const count = COUNTS[(i >> 1) % COUNTS.length] as string;
    return [
      `Bulletin ${i + 1}: ${nationals} men held in ${city}`,
      '',
      `${agency.replace(/^the /, 'The ')} arrested ${count} ${nationals} nationals in ${city} on Tuesday, officials said.`,
      `The men had entered the country last year and were placed in removal proceedings. Case number ${1000 + i}.`,
    ].join('\n');
  });
}

/** Writes `shortArticles(n)` as numbered .txt files into a new temporary folder; returns its path. */
export function shortArticleFolder(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-short-'));
  for (const [i, text] of shortArticles(n).entries()) writeFileSync(path.join(dir, `${String(i + 1).padStart(3, '0')}.txt`), text);
  return dir;
}
