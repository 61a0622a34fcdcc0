/**
 * Every title-phrase rule on the sentence it exists for: the rule reads a phrase there for the
 * named person, and the whole extractor states the office (or, for a past post, none).
 */
import { TITLE_PATTERNS } from '../../../src/extract/offices/title-phrase.rules';
import { parseArticleStructure } from '../../../src/extract/text/article-structure.parser';
import { splitSentences } from '../../../src/extract/text/sentence.splitter';
import { recognizePeople } from '../../../src/extract/people/person.recognizer';
import { extractBody } from '../article.fixture';

function phrasesOf(sentence: string) {
  const text = `Headline\n\n${sentence}\n`;
  const { people } = recognizePeople(splitSentences(text, parseArticleStructure(text).paragraphs));
  return people.flatMap((p) => p.mentions.flatMap((m) => m.titles.map((t) => ({ holder: p.name, ...t }))));
}

describe('title-phrase rules', () => {
  it.each(TITLE_PATTERNS.map((p) => [p.id, p.example, !!p.past]))('%s reads "%s"', (id, example, past) => {
    expect(phrasesOf(example as string).map((t) => t.rule)).toContain(id);
    const offices = extractBody(example as string).offices;
    if (past) expect(offices).toEqual([]);
    else expect(offices.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'Treasury Secretary James Baker, Federal Reserve Board chairman Paul Volcker and others met.',
      'James Baker',
      'Treasury Secretary',
    ],
    [
      'Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich, Swiss Economics Minister Jean-Pascal Delamuraz and others.',
      'Jean-Pascal Delamuraz',
      'Economics Minister',
    ],
  ])('binds a title to the name it stands before, not the name before it: "%s"', (sentence, holder, title) => {
    const offices = extractBody(sentence).offices.filter((o) => o.title === title);
    expect(offices.map((o) => o.holder)).toEqual([holder]);
  });

  it.each([
    ['Senate Republican leader Mitch McConnell spoke.', 'Mitch McConnell | leader | U.S. Senate'],
    ['Republican Senator Chuck Grassley of Iowa spoke in Washington.', 'Chuck Grassley | Senator | United States'],
    ['Tory leader Michael Howard spoke in London.', 'Michael Howard | leader | Conservative Party'],
  ])('takes a party label out of the jurisdiction of a state post: "%s"', (sentence, office) => {
    const record = extractBody(sentence);
    const [holder, title] = office.split(' | ');
    const found = record.offices.find((o) => o.holder === holder && o.title === title);
    expect(found).toBeDefined();
    expect(record.affiliations.map((a) => a.member)).toContain(holder);
  });
});
