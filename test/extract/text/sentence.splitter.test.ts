import { parseArticleStructure } from '../../../src/extract/text/article-structure.parser';
import { splitSentences } from '../../../src/extract/text/sentence.splitter';

function sentencesOf(text: string) {
  const structure = parseArticleStructure(text);
  return splitSentences(text, structure.paragraphs, structure.dateline ? [structure.dateline.span] : []);
}

describe('splitSentences', () => {
  it('gives sentences and words whose offsets index the article text', () => {
    const text =
      'Headline\n\nBarzani reiterated his commitment. On his side, Ghanmi stated that the conditions require cooperation.\n\n“Prime Minister Mustafa Al-Kadhimi is prepared,” he said.';
    const sentences = sentencesOf(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Barzani reiterated his commitment.',
      'On his side, Ghanmi stated that the conditions require cooperation.',
      '“Prime Minister Mustafa Al-Kadhimi is prepared,” he said.',
    ]);
    for (const s of sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const w of s.words) expect(text.slice(w.start, w.end)).toBe(w.text);
    }
  });

  it('splits a possessive the same way whatever was read before (the model learns words it keeps whole)', () => {
    const words = () =>
      sentencesOf("Head\n\nShe met Zubrova's aide in St. George's on Monday.")[0].words.map(
        (w) => `${w.text}/${w.pos}`,
      );
    const before = words();
    sentencesOf("Head\n\nIt was Zubrova's. They flew to St. George's.");
    expect(words()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['Zubrova/PROPN', "'s/PART", 'George/PROPN']));
    const [contraction] = sentencesOf("Head\n\nIt's late and let's go.");
    expect(contraction.words.map((w) => `${w.text}/${w.pos}`)).toEqual(expect.arrayContaining(['It/PRON', "'s/AUX"]));
  });

  it('keeps hyphenated names as one word and tags proper nouns', () => {
    const [s] = sentencesOf('Head\n\nRegional Prime Minister Masrour Barzani received Othman al-Ghanmi.');
    expect(s.words.map((w) => w.text)).toContain('al-Ghanmi');
    expect(s.words.find((w) => w.text === 'Masrour')?.pos).toBe('PROPN');
  });

  it('does not end a sentence after U.S. and leaves the dateline out', () => {
    const text =
      'HEAD LINE\n    TOKYO, March 3 - The U.S. Wants Japan to act, visiting\nU.S. Under-Secretary Allen Wallis told Eishiro Saito.\n';
    const sentences = sentencesOf(text);
    expect(sentences).toHaveLength(1);
    expect(sentences[0].text.startsWith('The U.S. Wants Japan')).toBe(true);
  });

  it('never lets a sentence run across paragraphs', () => {
    const sentences = sentencesOf('Head\n\nThe talks ended without agreement\n\nDiscussions will resume next week.');
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1]);
  });
});

describe('splitSentences on text that is no prose', () => {
  it('reads around a run of characters longer than any word, keeping offsets true', () => {
    const text = `Headline\n\n${'x'.repeat(5000)} Peter Hale met Ilona Kovacs in Vienna.\n`;
    const sentences = splitSentences(text, parseArticleStructure(text).paragraphs);
    const words = sentences.flatMap((s) => s.words);
    expect(words.some((w) => w.text.length > 64)).toBe(false);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(words.map((w) => w.text)).toContain('Kovacs');
  });

  it('cuts a run-on sentence of thousands of words into sentences of bounded length', () => {
    const text = `Headline\n\n${Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ')}.\n`;
    const sentences = splitSentences(text, parseArticleStructure(text).paragraphs);
    expect(sentences.length).toBeGreaterThan(10);
    expect(Math.max(...sentences.map((s) => s.words.length))).toBeLessThanOrEqual(150);
  });
});
