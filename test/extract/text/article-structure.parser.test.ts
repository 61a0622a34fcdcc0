import { parseArticleStructure } from '../../../src/extract/text/article-structure.parser';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parseArticleStructure', () => {
  it('reads front matter and keeps it out of the paragraphs', () => {
    const text =
      '---\ntitle: Talks in Erbil\npublishedOn: 2020-07-29\nurl: https://example.org/a\n---\nThe minister met the president.\n';
    const s = parseArticleStructure(text);
    expect(s.frontMatter).toEqual({ title: 'Talks in Erbil', publishedOn: '2020-07-29', url: 'https://example.org/a' });
    expect(s.paragraphs.map((p) => slice(text, p))).toEqual(['The minister met the president.']);
  });

  it('takes a short first line followed by a blank line as the headline', () => {
    const text =
      'Tory expert denies defeatism\n\nThe Conservatives\' campaign director has denied a report.\n\nMr Howard later added there was not "one iota" of truth in the report.';
    const s = parseArticleStructure(text);
    expect(s.headline?.text).toBe('Tory expert denies defeatism');
    expect(s.paragraphs).toHaveLength(2);
  });

  it('does not mistake a long opening sentence for a headline', () => {
    const text =
      'On Wednesday, Iraq’s interior minister arrived in Erbil to meet with senior Kurdistan Region officials, voicing his prime minister’s willingness.\n\nMore text.';
    expect(parseArticleStructure(text).headline).toBeNull();
  });

  it('marks photo captions', () => {
    const text =
      'Headline\n\nKurdistan Region President Nechirvan Barzani (right), meets with Iraqi Minister of Interior Othman al-Ghanmi, July 29, 2020.\n\nThe Iraqi official then met with Masoud Barzani.';
    const s = parseArticleStructure(text);
    expect(s.paragraphs.map((p) => p.caption)).toEqual([true, false]);
  });

  it('finds a wire dateline, indented paragraphs and drops the REUTER trailer', () => {
    const text =
      'BRAZILIAN FINANCE MINISTER MEETS SWISS OFFICIALS\n    BERNE, March 4 - Brazilian Finance Minister Dilson Funaro\nmet his Swiss counterpart Otto Stich.\n    Funaro told reporters his trip was aimed at explaining.\n REUTER\n';
    const s = parseArticleStructure(text);
    expect(s.headline?.text).toBe('BRAZILIAN FINANCE MINISTER MEETS SWISS OFFICIALS');
    expect(s.dateline).toMatchObject({ place: 'Berne', dateText: 'March 4' });
    expect(slice(text, s.dateline!.span)).toBe('BERNE, March 4 - ');
    expect(s.paragraphs.map((p) => slice(text, p))).toEqual([
      'BERNE, March 4 - Brazilian Finance Minister Dilson Funaro\nmet his Swiss counterpart Otto Stich.',
      'Funaro told reporters his trip was aimed at explaining.',
    ]);
  });

  it('splits scraped paragraphs at wide gaps, finds a place dateline and drops the follow trailer', () => {
    const text =
      'Iran summons UK charge d’affaires\n\n‘Suspicious’ arrests of Iranians. Tehran, Iran – Iran’s Ministry of Foreign Affairs has summoned the envoy.    The UK government responded.          Follow Al Jazeera English:\n';
    const s = parseArticleStructure(text);
    expect(s.dateline?.place).toBe('Tehran');
    expect(s.paragraphs.map((p) => slice(text, p))).toEqual([
      '‘Suspicious’ arrests of Iranians. Tehran, Iran – Iran’s Ministry of Foreign Affairs has summoned the envoy.',
      'The UK government responded.',
    ]);
  });
});
