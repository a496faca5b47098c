import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../../server/src/config.ts';
import { BAND_ROWS, SIGNATURE_SIZE, fingerprint, similarity } from '../../../server/src/pipeline/fingerprint.ts';
import { htmlToText } from '../../../server/src/pipeline/html-to-text.ts';
import { NEAR_DUPLICATE_SIMILARITY } from '../../../server/src/services/ingest-service.ts';

const fixture = (name: string): string => readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'near-duplicates', name), 'utf8');
const story = fixture('story.txt');

describe('fingerprint (MinHash over five-word shingles)', () => {
  it('gives the same signature and bands for the same words whatever the case, punctuation and whitespace', () => {
    const a = fingerprint(story);
    const b = fingerprint(story.toUpperCase().replace(/\n+/g, '\n\n\n').replace(/,/g, ' ,'));
    expect(a.signature).toHaveLength(SIGNATURE_SIZE);
    expect(a.bands).toHaveLength(SIGNATURE_SIZE / BAND_ROWS);
    expect(b).toEqual(a);
    expect(fingerprint(story)).toEqual(a);
  });

  it('finds the same story in an HTML page with navigation, a byline and a footer similar enough', () => {
    const page = htmlToText(fixture('story-copy.html')).text;
    expect(page).not.toBe(story);
    const score = similarity(fingerprint(story).signature, fingerprint(page).signature);
    expect(score).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    // The two share a band, so the index lookup finds the one from the other.
    expect(fingerprint(page).bands.some((b) => fingerprint(story).bands.includes(b))).toBe(true);
  });

  it('keeps another report of the same event, in its own words, far apart', () => {
    const score = similarity(fingerprint(story).signature, fingerprint(fixture('same-event-other-report.txt')).signature);
    expect(score).toBeLessThan(0.2);
  });

  it('counts distinct shingles, so a brief can be told apart from a story', () => {
    expect(fingerprint('ICE detained a man.').shingles).toBe(1);
    expect(fingerprint(story).shingles).toBeGreaterThan(140);
    expect(similarity([], [])).toBe(0);
  });
});
