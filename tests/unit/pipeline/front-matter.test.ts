import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../server/src/pipeline/front-matter.ts';

const BODY = 'Agents detain three men in Denver\n\nThe arrests followed a tip, officials said.';

describe('front matter of article files', () => {
  it('gives title, source, url and publication date, and leaves the article text after it', () => {
    const file = `---\ntitle: Three men held in Denver\nsource: Border Desk\nurl: https://news.example/denver\npublished: 2024-06-11T09:00:00Z\ntags: [border]\n---\n${BODY}`;
    expect(splitFrontMatter(file, 'a.md')).toEqual({
      fields: { title: 'Three men held in Denver', source: 'Border Desk', url: 'https://news.example/denver', publishedAt: '2024-06-11T09:00:00Z' },
      body: BODY,
    });
  });

  it('reads the usual synonyms (date, link, outlet), a quoted value, CRLF lines and a "..." end marker', () => {
    const file = `---\r\ndate: 2024-06-11\r\nlink: "https://news.example/x"\r\noutlet: 'Wire: West'\r\n...\r\n${BODY}`;
    expect(splitFrontMatter(file, 'b.txt')).toEqual({ fields: { publishedAt: '2024-06-11', url: 'https://news.example/x', source: 'Wire: West' }, body: BODY });
  });

  it('leaves a text without a block (or with a rule later on) whole', () => {
    expect(splitFrontMatter(BODY, 'c.txt')).toEqual({ fields: {}, body: BODY });
    const ruled = `${BODY}\n---\nsource: not front matter\n---\n`;
    expect(splitFrontMatter(ruled, 'c.txt')).toEqual({ fields: {}, body: ruled });
  });

  it('refuses invalid YAML and a key with a list or map value, naming the file', () => {
    expect(() => splitFrontMatter(`---\ntitle: [unclosed\n---\n${BODY}`, 'd.md')).toThrow(/^d\.md: the front matter is not valid YAML/);
    expect(() => splitFrontMatter(`---\ntitle: a\ntitle: b\n---\n${BODY}`, 'd.md')).toThrow(/d\.md: the front matter is not valid YAML/);
    expect(() => splitFrontMatter(`---\nsource:\n  - A\n  - B\n---\n${BODY}`, 'e.md')).toThrow(/e\.md: front-matter "source" must be a single value/);
    expect(() => splitFrontMatter(`---\n- just\n- a list\n---\n${BODY}`, 'f.md')).toThrow(/f\.md: the front matter must be "key: value" lines/);
  });
});
